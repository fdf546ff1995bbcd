import pytest
from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def make_page(parent, title, slug, lead="", live=True):
    page = HomePage(title=title, slug=slug, hero_title=title, hero_lead=lead, live=live)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return Page.objects.get(pk=page.pk)


def result_titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.context["results"].paginator.object_list


def test_two_character_japanese_word_inside_a_title_finds_the_page(client, site):
    make_page(site["ja"], "新作ショートフィルム制作のお知らせ", "news")
    results = result_titles(client, "ja", "制作")
    assert [page.title for page in results] == ["新作ショートフィルム制作のお知らせ"]


def test_japanese_word_inside_the_body_finds_the_page(client, site):
    make_page(
        site["ja"], "お知らせ", "notice", lead="生成AIを活用したミュージックビデオを公開しました"
    )
    assert [p.title for p in result_titles(client, "ja", "映像")] == []
    assert [p.title for p in result_titles(client, "ja", "公開")] == ["お知らせ"]


def test_several_japanese_words_must_all_match(client, site):
    make_page(site["ja"], "新作の撮影", "shoot", lead="渋谷で撮影しました")
    assert [p.title for p in result_titles(client, "ja", "撮影 渋谷")] == ["新作の撮影"]
    assert list(result_titles(client, "ja", "撮影 大阪")) == []


def test_english_search_uses_words(client, site):
    make_page(site["en"], "Behind the scenes of our music video", "behind")
    assert [p.title for p in result_titles(client, "en", "music video")] == [
        "Behind the scenes of our music video"
    ]


def test_search_is_limited_to_the_visitors_language(client, site):
    make_page(site["ja"], "撮影レポート", "report")
    assert list(result_titles(client, "en", "撮影")) == []


def test_drafts_never_appear_in_search(client, site):
    make_page(site["ja"], "未公開の制作メモ", "draft", live=False)
    assert list(result_titles(client, "ja", "制作メモ")) == []


def test_typed_text_is_escaped_and_empty_query_is_a_normal_page(client, site):
    response = client.get("/ja/search/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert client.get("/ja/search/", {"q": ""}).status_code == 200
    # A page that is not a number, or past the last, is not found (no endless copies).
    assert client.get("/ja/search/", {"q": "映像", "page": "abc"}).status_code == 404


# Works by what they are, and what a result shows.


@pytest.fixture
def works_en(site):
    from tests.works.factories import (
        AIToolFactory,
        ImageFactory,
        WorkCategoryFactory,
        WorkPageFactory,
        WorksIndexPageFactory,
    )

    index = WorksIndexPageFactory(parent=site["en"], locale=site["en"].locale)
    short = WorkCategoryFactory(slug="short-film", name="Short film", locale=site["en"].locale)
    tool = AIToolFactory(name="Kling", locale=site["en"].locale)
    work = WorkPageFactory(
        parent=index,
        locale=index.locale,
        title="Night Walk",
        slug="night-walk",
        summary="Two strangers cross the city.",
        poster=ImageFactory(),
    )
    work.categories.set([short])
    work.ai_tools.set([tool])
    work.save_revision().publish()
    other = WorkPageFactory(parent=index, locale=index.locale, title="Jingle", slug="jingle")
    other.save_revision().publish()
    return work


def test_an_english_query_finds_works_by_category_and_ai_tool(client, works_en):
    assert [p.title for p in result_titles(client, "en", "film")] == ["Night Walk"]
    assert [p.title for p in result_titles(client, "en", "kling")] == ["Night Walk"]


def test_a_result_shows_its_kind_date_picture_and_text(client, works_en):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/en/search/", {"q": "film"}).content, "html.parser")
    result = soup.select_one(".search-result")
    meta = result.select_one(".search-result__meta").get_text(" ", strip=True)
    assert meta.startswith("Work page")
    assert result.select_one("time")["datetime"] == works_en.release_date.isoformat()
    assert result.select_one("img.search-result__image")["alt"] == ""
    assert "Two strangers cross the city." in result.get_text()


def test_the_japanese_search_reads_no_backend_index_column():
    """It goes through Wagtail's search API: nothing of `wagtailsearch`'s own tables."""
    from pathlib import Path

    import home.search

    source = Path(home.search.__file__).read_text()
    assert "IndexEntry" not in source and "body_text" not in source


def test_a_single_japanese_character_and_a_long_word_are_found(client, site):
    make_page(site["ja"], "夏の光", "light", lead="色彩の波をとらえる映像")
    assert [p.title for p in result_titles(client, "ja", "光")] == ["夏の光"]
    assert [p.title for p in result_titles(client, "ja", "とらえる")] == ["夏の光"]
    assert list(result_titles(client, "ja", "とらわれる")) == []


def test_a_page_type_kept_out_of_the_search_stays_out_when_published(site):
    from wagtail.search.models import IndexEntry

    from creators.models import CreatorPage
    from tests.creators.factories import CreatorPageFactory, CreatorsIndexPageFactory

    assert not CreatorPage.get_search_fields() or not CreatorPage.search_fields
    index = CreatorsIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    page = CreatorPageFactory(parent=index, locale=index.locale)
    page.save_revision().publish()
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_a_page_of_results_past_the_last_is_not_found(client, site):
    make_page(site["ja"], "撮影レポート", "report")
    assert client.get("/ja/search/", {"q": "撮影", "page": "1"}).status_code == 200
    for page in ("2", "0", "-1", "9" * 30):
        assert client.get("/ja/search/", {"q": "撮影", "page": page}).status_code == 404, page
