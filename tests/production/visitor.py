"""A visitor on loopback: plain HTTP to a real server, cookies kept by hand, forms posted with
their CSRF token, and no redirect followed (the test reads the 302 itself)."""

import http.client
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

HOST = "testserver"  # the Wagtail site's hostname in the test data, and in ALLOWED_HOSTS
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    headers: dict
    text: str

    def header(self, name):
        return self.headers.get(name.lower())


class Visitor:
    """One browser: its cookies (the Secure ones too: production marks them so, and the test
    speaks plain HTTP on loopback as nginx does behind TLS)."""

    def __init__(self, timeout=30):
        self.cookies = {}
        self.timeout = timeout

    def request(self, base, method, path, form=None):
        url = urlsplit(base)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=self.timeout)
        headers = {"Host": HOST}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            headers = {k.lower(): v for k, v in response.getheaders()}
            return Answer(response.status, headers, text)
        finally:
            connection.close()

    def get(self, base, path):
        return self.request(base, "GET", path)

    def post_form(self, base, path, data):
        """GET the form (its CSRF token and cookie), then POST `data` with the token."""
        page = self.get(base, path)
        found = CSRF_FIELD.search(page.text)
        if found is None:
            return page  # no form to post (an error page): the caller reads its status
        return self.request(base, "POST", path, {**data, "csrfmiddlewaretoken": found.group(1)})
