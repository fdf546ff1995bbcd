"""Whatever a visitor (or a script) puts in a URL or a form, the demo site answers without a server
error: huge numbers, negative and non-numeric pages, NUL bytes (PostgreSQL refuses them in text),
markup and very long values. Forms say what is wrong in the visitor's language."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

BIG = "9" * 30
LONG = "あ" * 5000

GETS = [
    f"/ja/works/?page={BIG}",
    "/ja/works/?page=-1",
    f"/ja/works/?year={BIG}&category=%00&tool=%3Cscript%3E",
    "/en/works/?year=abc&year=2024&category=short-film&category=x",
    f"/ja/works/shibuya-midnight/?page={BIG}",
    f"/ja/creators/?page={BIG}",
    "/ja/search/?q=%00",
    f"/ja/search/?q=%E6%98%A0%00%E7%94%BB&page={BIG}",
    f"/ja/search/?q={LONG}",
    "/ja/search/?q=%ff%fe",
    f"/ja/privacy-policy/versions/{BIG}/",
    f"/ja/privacy-policy/versions/1/compare/{BIG}/",
    "/ja/privacy-policy/versions/2/compare/1/",
    "/ja/privacy-requests/confirm/%00abc/",
    f"/ja/privacy-requests/confirm/{'a' * 3000}/",
    "/ja/no-such-page/%00/",
]


@pytest.fixture(scope="module")
def demo(module_db):
    call_command("load_demo", stdout=StringIO())


def test_hostile_urls_never_make_a_server_error(client, demo):
    statuses = {url[:80]: client.get(url).status_code for url in GETS}
    assert all(status < 500 for status in statuses.values()), statuses
    assert statuses[GETS[0][:80]] == 404  # a page past the last is not found (issue 16)


NUL = "名前\x00"
FORMS = {
    "/ja/entry/": {
        "name": NUL,
        "email": "a\x00@example.com",
        "achievements": NUL,
        "agree_policy": "on",
    },
    "/ja/privacy-requests/": {
        "kind": "other",
        "name": NUL,
        "email": "a@example.com",
        "details": NUL,
    },
    "/ja/privacy-requests/resend/": {"email": "a\x00@example.com", "token": "\x00"},
}


def test_nul_bytes_in_forms_get_a_translated_error(client, demo):
    for url, data in FORMS.items():
        response = client.post(url, data)
        assert response.status_code == 400, url
        html = response.content.decode()
        assert 'class="errorlist' in html, url
        assert '<html lang="ja">' in html and "Null characters are not allowed." not in html, url
