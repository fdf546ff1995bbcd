"""What search engines and sharers see, on every page type of the demo, in both languages
(issue 16): a self canonical, Open Graph and Twitter tags for that address with an image (the
site's default when the page has none of its own), and hreflang alternates with x-default."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page, get_page_models

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PORT = 8124
ROOT = f"http://127.0.0.1:{PORT}"


def served_page(model, language):
    """A live page of `model` in `language` that answers 200 (a creator profile without
    consent answers 404), with its response."""
    from django.test import Client

    client = Client()
    for page in model.objects.live().public().filter(locale__language_code=language):
        response = client.get(page.url)
        if response.status_code == 200:
            return page, response
    return None, None


def sharing_tags(html):
    soup = BeautifulSoup(html, "html.parser")
    tags = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    tags.update({m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")})
    canonical = [link["href"] for link in soup.select('link[rel="canonical"]')]
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    return tags, canonical, alternates


def test_every_page_type_has_canonical_sharing_tags_and_alternates():
    call_command("load_demo", port=PORT, stdout=StringIO())
    missing = []
    for model in get_page_models():
        if model is Page:
            continue
        for language in ("ja", "en"):
            page, response = served_page(model, language)
            if page is None:
                missing.append(f"{model.__name__} ({language})")
                continue
            where = f"{model.__name__} {page.url}"
            tags, canonical, alternates = sharing_tags(response.content.decode())
            url = f"{ROOT}{page.url}"
            assert canonical == [url], where
            assert tags["og:url"] == url and tags["og:title"], where
            assert tags["og:image"].startswith(f"{ROOT}/"), where
            assert tags["og:image:width"] and tags["og:image:height"], where
            assert tags["twitter:card"] == "summary_large_image", where
            assert tags["twitter:image"] == tags["og:image"], where
            assert alternates[language] == url and "x-default" in alternates, where
            assert alternates["x-default"].startswith(f"{ROOT}/ja/"), where
    assert missing == [], "the demo has no served page of these types"
