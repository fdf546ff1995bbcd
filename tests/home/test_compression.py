"""HTML is gzipped where it is the same for everyone, and never beside a secret (BREACH):
not on pages with a CSRF token, not for a signed-in user, not on private responses."""

import gzip

import pytest

from tests.creators.factories import EntryFormPageFactory
from tests.privacy_requests.factories import PrivacyRequestPageFactory
from tests.works.factories import WorksIndexPageFactory

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def get(client, path):
    response = client.get(path, **GZIP)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("language", ["ja", "en"])
def test_public_pages_are_gzipped(client, site, language):
    WorksIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    # (Search is private, no-store: never compressed, like every response marked private.)
    for path in (f"/{language}/",):
        response = get(client, path)
        assert response["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in response["Vary"]
        html = gzip.decompress(response.content).decode()
        assert html.startswith("<!DOCTYPE html>")
        assert len(response.content) < len(html.encode()) / 2
    works = get(client, "/ja/works/")
    assert works["Content-Encoding"] == "gzip"


def test_a_client_that_does_not_ask_gets_plain_html(client, site):
    response = client.get("/ja/")
    assert "Content-Encoding" not in response
    assert response.content.decode().startswith("<!DOCTYPE html>")


def test_forms_with_a_csrf_token_are_not_compressed(client, site):
    EntryFormPageFactory(parent=site["ja"], locale=site["ja"].locale)
    PrivacyRequestPageFactory(parent=site["ja"], locale=site["ja"].locale)
    for path in ("/ja/entry/", "/ja/privacy-requests/"):
        response = get(client, path)
        assert "csrfmiddlewaretoken" in response.content.decode(), path
        assert "Content-Encoding" not in response, path


def test_a_signed_in_user_gets_nothing_compressed(admin_client, site):
    """Admin pages and previews list personal data next to what an editor typed."""
    for path in ("/ja/", "/admin/"):
        response = get(admin_client, path)
        assert "Content-Encoding" not in response, path


def test_private_responses_are_not_compressed(client, site):
    from django.http import HttpResponse

    from home.compression import PublicGZipMiddleware

    def private_view(request):
        response = HttpResponse("<p>" + "personal " * 100 + "</p>")
        response["Cache-Control"] = "private, no-store"
        return response

    request = client.get("/ja/", **GZIP).wsgi_request
    response = PublicGZipMiddleware(private_view)(request)
    assert "Content-Encoding" not in response
