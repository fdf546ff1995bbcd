"""The works index: newest first, filters as plain links, 12 a page, and bad input tolerated."""

import datetime
import re

import pytest

from tests.works.factories import AIToolFactory, WorkCategoryFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<span class="card__title">([^<]+)</span>', response.text)


@pytest.fixture
def catalogue(works_index, locale_ja, make_work):
    short = WorkCategoryFactory(slug="short-film", name="ショートフィルム", locale=locale_ja)
    mv = WorkCategoryFactory(slug="music-video", name="ミュージックビデオ", locale=locale_ja)
    runway = AIToolFactory(name="Runway", locale=locale_ja)
    sora = AIToolFactory(name="Sora", locale=locale_ja)
    make_work(
        title="古い短編",
        release_date=datetime.date(2023, 5, 1),
        categories=[short],
        ai_tools=[runway],
    )
    make_work(
        title="新しいMV", release_date=datetime.date(2025, 8, 1), categories=[mv], ai_tools=[sora]
    )
    make_work(
        title="中くらいの短編",
        release_date=datetime.date(2024, 3, 1),
        categories=[short],
        ai_tools=[sora],
    )
    return {"short": short, "mv": mv, "runway": runway, "sora": sora}


def test_newest_first(client, catalogue):
    assert titles(client.get("/ja/works/")) == ["新しいMV", "中くらいの短編", "古い短編"]


def test_filter_by_category_year_and_tool(client, catalogue):
    assert titles(client.get("/ja/works/?category=short-film")) == ["中くらいの短編", "古い短編"]
    assert titles(client.get("/ja/works/?year=2024")) == ["中くらいの短編"]
    tool = catalogue["sora"].pk
    assert titles(client.get(f"/ja/works/?tool={tool}")) == ["新しいMV", "中くらいの短編"]
    both = client.get(f"/ja/works/?tool={tool}&category=short-film")
    assert titles(both) == ["中くらいの短編"]


def test_filters_are_links_that_work_without_javascript(client, catalogue):
    response = client.get("/ja/works/?category=short-film")
    html = response.text
    assert '<a href="?category=music-video"' in html
    assert '<a href="?year=2024&amp;category=short-film"' in html or (
        'href="?category=short-film&amp;year=2024"' in html
    )
    assert re.search(r'href="\?category=short-film"\s+aria-current="true"', html)
    assert "<form" not in html.split('class="work-filters"')[1].split("</nav>")[0]


@pytest.mark.parametrize(
    "query",
    [
        "?year=9999",
        "?year=abc",
        "?year=",
        "?category=no-such-thing",
        "?category=%00%ff",
        "?tool=abc",
        "?tool=999999",
        "?tool=1e5&year=20.5",
    ],
)
def test_bad_parameters_give_a_normal_page(client, catalogue, query):
    response = client.get(f"/ja/works/{query}")
    assert response.status_code == 200
    assert 'class="work-filters"' in response.text


@pytest.mark.parametrize("query", ["?page=abc", "?page=0", "?page=-3", "?page=99999", "?page=1.5"])
def test_a_page_that_does_not_exist_is_not_found(client, catalogue, query):
    # Issue 16: no endless copies of the last page for search engines to index.
    assert client.get(f"/ja/works/{query}").status_code == 404


def test_unknown_values_are_ignored_and_impossible_years_match_nothing(client, catalogue):
    # An unknown category or tool is ignored (all works); a year with no works shows none.
    assert len(titles(client.get("/ja/works/?category=nope"))) == 3
    assert len(titles(client.get("/ja/works/?tool=abc"))) == 3
    response = client.get("/ja/works/?year=1999")
    assert titles(response) == []
    assert "作品はありません" in response.text and "No works match" not in response.text


def test_paginated_twelve_a_page(client, works_index, make_work):
    for n in range(14):
        make_work(
            title=f"作品{n:02d}", release_date=datetime.date(2020, 1, 1) + datetime.timedelta(n)
        )
    first = client.get("/ja/works/")
    second = client.get("/ja/works/?page=2")
    assert len(titles(first)) == 12
    assert titles(second) == ["作品01", "作品00"]
    assert 'rel="next" href="?page=2"' in first.text
    assert client.get("/ja/works/?page=abc").status_code == 404
    assert client.get("/ja/works/?page=3").status_code == 404


def test_pagination_keeps_the_filters(client, works_index, make_work, locale_ja):
    short = WorkCategoryFactory(slug="short-film", locale=locale_ja)
    for _ in range(13):
        make_work(categories=[short])
    html = client.get("/ja/works/?category=short-film").text
    assert 'href="?category=short-film&amp;page=2"' in html


def test_cards_have_responsive_posters(client, works_index, make_work):
    from tests.works.factories import ImageFactory

    for n in range(5):
        poster = ImageFactory(file__width=1200, file__height=675)
        make_work(poster=poster, poster_alt=f"ポスター{n}")
    html = client.get("/ja/works/").text
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 5
    first = pictures[0]
    assert 'type="image/avif"' in first and 'type="image/webp"' in first
    assert re.search(r"<img [^>]*src=\"[^\"]+\.jpg\"", first), "JPEG fallback"
    assert 'width="' in first and 'height="' in first
    assert "sizes=" in first and " 480w" in first and " 960w" in first
    assert 'alt="ポスター4"' in first
    assert 'loading="eager"' in first, "the first row is above the fold"
    assert 'loading="lazy"' in pictures[4]
