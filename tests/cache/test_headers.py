"""What shared caches may keep: public pages are the same for everyone and say nothing per
visitor; a page with a form, a receipt, a search or anything for a signed-in user is
`private, no-store`."""

import pytest
from django.conf import settings
from django.utils.cache import has_vary_header

from tests.creators.test_entry_form import entry_data

from .conftest import PRIVATE_PATHS, PUBLIC_PATHS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_public_page_is_the_same_for_every_visitor(client, public_site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not has_vary_header(response, "Cookie"), response.get("Vary")
    assert not response.cookies, list(response.cookies)
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", PRIVATE_PATHS)
def test_a_form_or_a_search_is_private_and_never_stored(client, public_site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_entry_receipt_is_private(client, public_site, policy_version_ja):
    response = client.post("/ja/entry/", entry_data(policy_version_ja), follow=True)
    assert response.redirect_chain[-1][0] == "/ja/entry/thanks/"
    assert response["Cache-Control"] == "private, no-store"


def test_a_post_is_private(client, public_site, policy_version_ja):
    response = client.post("/ja/entry/", entry_data(policy_version_ja, email="not-an-email"))
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_signed_in_editors_page_is_private(client, public_site, admin_user, path):
    client.force_login(admin_user)
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert 'id="wagtail-userbar' in response.content.decode() or "wagtail-userbar" in (
        response.content.decode()
    )


def test_an_anonymous_visitor_sees_no_user_bar_and_no_session_is_read(client, public_site):
    response = client.get("/ja/")
    assert "wagtail-userbar" not in response.content.decode()
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_the_language_is_remembered_in_the_browser_not_by_a_set_cookie(client, public_site):
    response = client.get("/en/")
    html = response.content.decode()
    assert 'src="/static/js/language.js"' in html
    assert f'data-language-cookie="{settings.LANGUAGE_COOKIE_NAME}"' in html
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
