"""The home page: the showreel behind the click-to-play facade, the latest news (a section the
news app registers), the clients' call to action, and the footer links editors choose."""

import pytest
from bs4 import BeautifulSoup
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from home.models import FooterLink, NavigationSettings
from tests.news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.pages.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

REEL = "https://www.youtube.com/watch?v=M7lc1UVf-VE"


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def cached_reel(db):
    """The reel's oEmbed answer already in Wagtail's cache: nothing asks YouTube."""
    return Embed.objects.create(
        hash=get_embed_hash(REEL),
        url=REEL,
        type="video",
        html="",
        title="Reel",
        provider_name="YouTube",
        width=1280,
        height=720,
    )


def test_the_showreel_is_a_facade_that_loads_nothing_from_youtube(client, site, cached_reel):
    home = site["ja"]
    home.showreel = [("video", {"video": REEL, "title": "ショーリール", "poster": None})]
    home.save_revision().publish()
    soup = soup_of(client, "/ja/")
    reel = soup.select_one(".showreel .video-facade")
    assert reel["data-video-src"].startswith("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE")
    assert (
        reel.select_one("button.video-facade__play").get_text(strip=True).endswith("ショーリール")
    )
    assert not soup.select("iframe")
    assert "youtube" not in "".join(str(tag) for tag in soup.select("[src], [srcset], link[href]"))
    assert soup.select_one('script[src$="video-facade.js"]')


def test_no_showreel_no_section(client, site):
    assert not soup_of(client, "/ja/").select(".showreel")


def test_the_latest_three_live_articles_of_this_language(client, site):
    index = NewsIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    articles = [NewsArticlePageFactory(parent=index, locale=index.locale) for _ in range(5)]
    articles[-1].unpublish()
    soup = soup_of(client, "/ja/")
    section = soup.select_one(".latest-news")
    titles = [a.get_text() for a in section.select(".news-item__title a")]
    assert titles == [a.title for a in articles[3:0:-1]]
    assert section.select_one('a[href="/ja/news/"]')
    # The English home has no news index: no section, no error.
    assert not soup_of(client, "/en/").select(".latest-news")


def test_the_contact_call_to_action_leads_to_the_page_in_the_visitors_language(client, site):
    contact = ContentPageFactory(parent=site["ja"], locale=site["ja"].locale, slug="contact")
    contact.copy_for_translation(site["en"].locale).save_revision().publish()
    home = site["ja"]
    home.contact_cta_page = contact
    home.save_revision().publish()
    english = site["en"]
    english.contact_cta_page = contact  # still the Japanese page: shown in English anyway
    english.save_revision().publish()
    for language in ("ja", "en"):
        cta = soup_of(client, f"/{language}/").select_one("#contact-cta-heading").parent
        assert cta.select_one("a.button")["href"] == f"/{language}/contact/"


def test_the_footer_lists_the_editors_pages_in_the_visitors_language(client, site):
    terms = ContentPageFactory(parent=site["ja"], locale=site["ja"].locale, slug="terms")
    terms_en = terms.copy_for_translation(site["en"].locale)
    terms_en.title = "Terms"
    terms_en.save_revision().publish()
    ja_only = ContentPageFactory(parent=site["ja"], locale=site["ja"].locale, slug="ja-only")
    draft = ContentPageFactory(parent=site["ja"], locale=site["ja"].locale, slug="draft")
    draft.unpublish()
    navigation = NavigationSettings.load()
    navigation.footer_links = [  # in the editor's order, as the admin's InlinePanel saves it
        FooterLink(page=Page.objects.get(pk=page.pk), sort_order=order)
        for order, page in enumerate((ja_only, terms, draft))
    ]
    navigation.save()

    def footer_links(language):
        footer = soup_of(client, f"/{language}/").select_one("footer nav")
        return [(a["href"], a.get_text()) for a in footer.select("a")]

    assert footer_links("ja") == [("/ja/ja-only/", ja_only.title), ("/ja/terms/", terms.title)]
    assert footer_links("en") == [("/en/terms/", "Terms")]


def test_no_footer_links_chosen_no_footer_navigation(client, site):
    assert not soup_of(client, "/ja/").select("footer nav")
    assert soup_of(client, "/ja/").select_one("footer .inquiry-window")


def test_the_home_page_query_count_is_bounded(client, site, django_assert_max_num_queries):
    index = NewsIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    for _ in range(3):
        NewsArticlePageFactory(parent=index, locale=index.locale)
    client.get("/ja/")
    # Issue 12: ten at most with the page cache off (navigation and settings in the shared cache)
    with django_assert_max_num_queries(10):
        client.get("/ja/")
