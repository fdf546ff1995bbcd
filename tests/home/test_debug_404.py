"""`make run` (DEBUG on) answers a missing page with the site's own 404 page, never Django's
technical page that lists the URLconf."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_like_make_run(settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "home.debug_404.SiteNotFoundPageMiddleware"]


@pytest.mark.parametrize(
    "url, text",
    [("/ja/no-such-page/", "ページが見つかりません"), ("/en/no-such-page/", "Page not found")],
)
def test_a_missing_page_is_the_sites_own_404(client, site, debug_like_make_run, url, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert "URLconf" not in html and "technical_404" not in html


def test_the_development_settings_install_it():
    from pathlib import Path

    dev = (Path(__file__).parents[2] / "site/settings/dev.py").read_text()
    assert "home.debug_404.SiteNotFoundPageMiddleware" in dev
