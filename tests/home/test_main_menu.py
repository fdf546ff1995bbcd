"""The header's menu is the editors' (issue 16): the home page's live, public children marked
"Show in menus", in the visitor's language, in tree order; a change shows on the next request
(the page cache is purged: the menu is on every page)."""

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.models import PageViewRestriction

from tests.pages.factories import CompanyProfilePageFactory, ContentPageFactory

pytestmark = pytest.mark.django_db


def menu(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    links = soup.select(".site-nav a")
    return [(a.get_text(strip=True), a.get("aria-current")) for a in links]


@pytest.fixture
def pages(site):
    ja = site["ja"].locale
    about = CompanyProfilePageFactory(parent=site["ja"], locale=ja, show_in_menus=True)
    terms = ContentPageFactory(parent=site["ja"], locale=ja, show_in_menus=False)
    draft = ContentPageFactory(
        parent=site["ja"], locale=ja, title="下書き", slug="draft", show_in_menus=True, live=False
    )
    private = ContentPageFactory(
        parent=site["ja"], locale=ja, title="社内向け", slug="staff", show_in_menus=True
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    child = ContentPageFactory(parent=about, locale=ja, title="沿革", slug="history")
    english = about.copy_for_translation(site["en"].locale)
    english.title = "About"
    english.save_revision().publish()
    return {"about": about, "terms": terms, "draft": draft, "child": child}


def test_the_menu_lists_live_public_pages_marked_for_menus_in_the_visitors_language(client, pages):
    assert menu(client, "/ja/") == [("会社概要", None), ("検索", None)]
    assert menu(client, "/en/") == [("About", None), ("Search", None)]


def test_the_current_section_is_marked(client, pages):
    assert menu(client, "/ja/about/")[0] == ("会社概要", "page")
    assert menu(client, "/ja/about/history/")[0] == ("会社概要", "page")
    assert menu(client, "/ja/terms/")[0] == ("会社概要", None)


def test_an_editor_adds_a_page_to_the_menu_and_it_shows_on_the_next_request(client, pages):
    assert menu(client, "/ja/terms/") == [("会社概要", None), ("検索", None)]  # now cached
    terms = pages["terms"]
    terms.show_in_menus = True
    with TestCase.captureOnCommitCallbacks(execute=True):
        terms.save_revision().publish()
    assert [name for name, _current in menu(client, "/ja/")] == [
        "会社概要",
        "クリエイター募集要項",
        "検索",
    ]
    assert menu(client, "/ja/terms/")[1] == ("クリエイター募集要項", "page")
