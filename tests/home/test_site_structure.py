"""The navigation, the language switcher, the view restrictions and the site settings come from
the shared cache (home.site_structure), and every change that alters them is seen on the very
next request: a published, unpublished or restricted menu page, a new translation, a setting."""

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.models import Page, PageViewRestriction

from home import site_structure
from home.models import FooterLink, NavigationSettings, SiteSettings
from tests.pages.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu(client, url="/ja/"):
    return [(a["href"], a.get_text()) for a in soup_of(client, url).select(".site-nav a")]


def footer(client, url="/ja/"):
    return [(a["href"], a.get_text()) for a in soup_of(client, url).select("footer nav a")]


def switcher(client, url):
    """{language: where its link leads} (through the language-choosing view's `next`)."""
    from urllib.parse import parse_qs, urlsplit

    links = soup_of(client, url).select(".language-switcher a")
    return {a["hreflang"]: parse_qs(urlsplit(a["href"]).query)["next"][0] for a in links}


def committed(action):
    """Run `action` as a request would: its on_commit callbacks (the second forgetting) run."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action()


def menu_page(site, slug="studio", title="スタジオ", **fields):
    return committed(
        lambda: ContentPageFactory(
            parent=site["ja"], locale=site["ja"].locale, slug=slug, title=title, **fields
        )
    )


def test_a_published_menu_page_is_in_the_next_navigation_and_gone_once_unpublished(client, site):
    assert ("/ja/studio/", "スタジオ") not in menu(client)  # the navigation is now cached
    page = menu_page(site, show_in_menus=True)
    assert ("/ja/studio/", "スタジオ") in menu(client)
    committed(page.unpublish)
    assert ("/ja/studio/", "スタジオ") not in menu(client)


def test_a_renamed_menu_page_shows_its_new_title_but_a_draft_does_not(client, site):
    page = menu_page(site, show_in_menus=True)
    assert ("/ja/studio/", "スタジオ") in menu(client)
    page.title = "下書きの題"
    committed(page.save_revision)  # a draft: visitors still see the published title
    assert ("/ja/studio/", "スタジオ") in menu(client)
    page.title = "私たちのスタジオ"
    committed(lambda: page.save_revision().publish())
    assert ("/ja/studio/", "私たちのスタジオ") in menu(client)


def test_a_view_restriction_hides_the_menu_page_and_guards_it_at_once(client, site):
    page = menu_page(site, show_in_menus=True)
    assert client.get("/ja/studio/").status_code == 200
    assert ("/ja/studio/", "スタジオ") in menu(client)
    committed(lambda: PageViewRestriction.objects.create(page=page, restriction_type="login"))
    assert ("/ja/studio/", "スタジオ") not in menu(client)
    assert client.get("/ja/studio/").status_code == 302  # to the login page
    committed(PageViewRestriction.objects.filter(page=page).delete)
    assert client.get("/ja/studio/").status_code == 200


def test_footer_links_follow_the_settings_and_the_pages(client, site):
    assert footer(client) == []
    page = menu_page(site, slug="terms", title="募集要項")
    navigation = NavigationSettings.load()
    navigation.footer_links = [FooterLink(page=Page.objects.get(pk=page.pk))]
    committed(navigation.save)
    assert footer(client) == [("/ja/terms/", "募集要項")]
    committed(page.unpublish)
    assert footer(client) == []


def test_the_inquiry_window_shows_a_saved_setting_on_the_next_request(client, site):
    assert "株式会社ALL IN" in soup_of(client, "/ja/").select_one(".inquiry-window").text
    settings = SiteSettings.load()
    settings.company_ja = "株式会社オールイン"
    committed(settings.save)
    assert "株式会社オールイン" in soup_of(client, "/ja/").select_one(".inquiry-window").text


def test_the_language_switcher_follows_a_published_and_withdrawn_translation(client, site):
    page = menu_page(site, slug="studio")
    assert switcher(client, "/ja/studio/")["en"] == "/en/"  # no translation: that home page
    english = page.copy_for_translation(site["en"].locale)
    english.title = "Studio"
    committed(lambda: english.save_revision().publish())
    assert switcher(client, "/ja/studio/")["en"] == "/en/studio/"
    hreflang = soup_of(client, "/ja/studio/").select('link[rel="alternate"]')
    assert {link["hreflang"] for link in hreflang} == {"ja", "en", "x-default"}
    committed(Page.objects.get(pk=english.pk).specific.unpublish)
    assert switcher(client, "/ja/studio/")["en"] == "/en/"


def test_an_unpublished_section_answers_404_at_once(client, site):
    page = menu_page(site, slug="studio")
    assert client.get("/ja/studio/").status_code == 200  # routed through the cached sections
    committed(page.unpublish)
    assert client.get("/ja/studio/").status_code == 404


def test_what_a_request_reads_during_a_commit_is_never_served_after_it():
    """A change forgets the generation at once and again after its commit: what another
    request stored in between (read before the commit) is unreachable afterwards."""
    assert site_structure.remembered("probe", lambda: "before") == "before"
    with TestCase.captureOnCommitCallbacks(execute=True):
        site_structure.changed()
        # Another server, reading the rows as they were before this commit:
        assert site_structure.remembered("probe", lambda: "read during the commit") == (
            "read during the commit"
        )
    assert site_structure.remembered("probe", lambda: "after") == "after"


def test_with_the_cache_down_everything_is_read_from_the_database(monkeypatch):
    monkeypatch.setattr(site_structure, "generation", lambda: None)
    assert site_structure.remembered("probe", lambda: 1) == 1
    assert site_structure.remembered("probe", lambda: 2) == 2
