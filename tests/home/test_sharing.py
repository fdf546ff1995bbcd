"""Open Graph and Twitter tags on every page, with the site's default image when a page has
none of its own."""

import re

import pytest

from tests.pages.factories import CompanyProfilePageFactory

pytestmark = pytest.mark.django_db


def meta(html):
    tags = dict(re.findall(r'<meta property="(og:[\w:]+)" content="([^"]*)"', html))
    tags.update(re.findall(r'<meta name="(twitter:\w+)" content="([^"]*)"', html))
    return tags


def test_every_page_has_sharing_tags_with_the_default_image(client, site):
    CompanyProfilePageFactory(parent=site["ja"], locale=site["ja"].locale)
    for path, title in [("/ja/", "ホーム"), ("/ja/about/", "会社概要"), ("/en/", "Home")]:
        tags = meta(client.get(path).content.decode())
        assert tags["og:title"] == title, path
        assert tags["og:url"] == f"http://testserver{path}", path
        assert re.match(r"http://testserver/static/img/og-default(\.\w+)?\.jpg", tags["og:image"])
        assert tags["og:image:width"] == "1200" and tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:image"] == tags["og:image"]


def test_a_page_share_image_replaces_the_default(client, site):
    from tests.works.factories import ImageFactory

    home = site["ja"]
    home.social_image = ImageFactory()
    home.save_revision().publish()
    tags = meta(client.get("/ja/").content.decode())
    assert "og-default" not in tags["og:image"]
    assert tags["og:image"].startswith("http://testserver/media/images/")


def test_search_has_sharing_tags_too(client, site):
    tags = meta(client.get("/ja/search/?q=映画").content.decode())
    assert tags["og:url"] == "http://testserver/ja/search/"
    assert "og-default" in tags["og:image"]


def test_hreflang_x_default_is_the_japanese_page(client, site):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ja/">' in html
