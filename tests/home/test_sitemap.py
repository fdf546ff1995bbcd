import xml.etree.ElementTree as ET

import pytest

from home.models import HomePage

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, site):
    root = sitemap(client)
    urls = {url.find("s:loc", NS).text: url for url in root.findall("s:url", NS)}
    assert set(urls) == {"http://testserver/ja/", "http://testserver/en/"}
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver/ja/"].findall("x:link", NS)
    }
    assert alternates == {"ja": "http://testserver/ja/", "en": "http://testserver/en/"}


def test_sitemap_leaves_out_drafts_and_private_pages(client, site):
    from wagtail.models import PageViewRestriction

    draft = HomePage(title="下書き", slug="draft", hero_title="下書き", live=False)
    site["ja"].add_child(instance=draft)
    draft.save_revision()
    private = HomePage(title="非公開", slug="private", hero_title="非公開")
    site["ja"].add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    locations = {url.find("s:loc", NS).text for url in sitemap(client).findall("s:url", NS)}
    assert "http://testserver/ja/draft/" not in locations
    assert "http://testserver/ja/private/" not in locations


def test_robots_txt_points_to_the_sitemap(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.svg")
