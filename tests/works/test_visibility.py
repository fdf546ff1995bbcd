"""Drafts, private pages and expired works never reach a visitor: lists, search, sitemap,
related works, the home page's featured works, or their own URL."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import HomePageFeaturedWork
from tests.works.factories import WorkCategoryFactory, WorkPageFactory
from works.models import WorkPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_and_shown(works_index, make_work, locale_ja):
    short = WorkCategoryFactory(slug="short-film", locale=locale_ja)
    shown = make_work(title="公開作品カラス", slug="shown", categories=[short])
    draft = WorkPageFactory(
        parent=works_index, locale=locale_ja, title="下書き作品カラス", slug="draft", live=False
    )
    draft.categories.set([short])
    draft.save_revision()
    private = make_work(title="限定公開作品カラス", slug="private", categories=[short])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_work(title="期限切れ作品カラス", slug="expired", categories=[short])
    # Past its expiry time but not yet unpublished by `publish_scheduled`: still "live".
    WorkPage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return {"shown": shown, "draft": draft, "private": private, "expired": expired}


HIDDEN = ["下書き作品カラス", "限定公開作品カラス", "期限切れ作品カラス"]


def assert_hidden(text):
    for title in HIDDEN:
        assert title not in text


def test_index_lists_only_visible_works(client, hidden_and_shown):
    html = client.get("/ja/works/").text
    assert "公開作品カラス" in html
    assert_hidden(html)
    assert_hidden(client.get("/ja/works/?category=short-film").text)


def test_related_works_are_visible_works_only(client, hidden_and_shown, make_work, locale_ja):
    other = make_work(
        title="別の短編", categories=[WorkCategoryFactory(slug="short-film", locale=locale_ja)]
    )
    html = client.get(other.url).text
    assert "公開作品カラス" in html
    assert_hidden(html)


def test_expired_draft_and_private_urls_do_not_show_the_work(client, hidden_and_shown):
    assert client.get("/ja/works/expired/").status_code == 404
    assert client.get("/ja/works/draft/").status_code == 404
    private = client.get("/ja/works/private/")
    assert private.status_code == 200  # Wagtail's password form, not the work
    assert "限定公開作品カラス" not in private.text


def test_sitemap_leaves_them_out(client, hidden_and_shown):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/ja/works/shown/" in xml
    for slug in ("draft", "private", "expired"):
        assert f"/ja/works/{slug}/" not in xml


def test_search_leaves_them_out(client, hidden_and_shown):
    html = client.get("/ja/search/", {"q": "カラス"}).text
    assert "公開作品カラス" in html
    assert_hidden(html)


def test_home_page_features_only_visible_works(client, site, hidden_and_shown):
    home = site["ja"]
    for order, work in enumerate(hidden_and_shown.values()):
        HomePageFeaturedWork.objects.create(home_page=home, page=work, sort_order=order)
    html = client.get("/ja/").text
    assert "公開作品カラス" in html
    assert_hidden(html)


def test_search_in_latin_script_leaves_out_expired_works(client, works_index_en, make_work):
    make_work(parent=works_index_en, title="Crow visible", slug="crow-visible")
    expired = make_work(parent=works_index_en, title="Crow expired", slug="crow-expired")
    WorkPage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.get("/en/search/", {"q": "Crow"})
    assert response.status_code == 200
    assert "Crow visible" in response.text
    assert "Crow expired" not in response.text
