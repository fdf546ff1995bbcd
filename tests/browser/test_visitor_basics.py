"""A visitor arrives, gets their language, switches it, searches in Japanese and gets lost, in a
real Chromium, with and without JavaScript; every page passes axe-core and the keyboard walk."""

import re

import pytest

from tests.browser.checks import assert_usable

pytestmark = pytest.mark.browser

HERO = {"ja": "AIと、映画の手ざわりを。", "en": "AI, with the touch of cinema."}
OTHER = {"ja": "en", "en": "ja"}
NAMES = {"ja": "日本語", "en": "English"}


def expect_language(page, language):
    assert page.locator("html").get_attribute("lang") == language
    assert re.search(rf"/{language}/", page.url), page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_landing_on_root_gives_the_browsers_language_and_the_switcher_changes_it(
    open_page, language, javascript
):
    page = open_page(language, javascript=javascript)
    page.goto("/")
    expect_language(page, language)
    assert page.get_by_role("heading", level=1).inner_text() == HERO[language]
    assert_usable(page)

    other = OTHER[language]
    switcher = page.get_by_role("navigation", name=re.compile("Language|言語"))
    switcher.get_by_role("link", name=NAMES[other]).click()
    expect_language(page, other)
    assert page.get_by_role("heading", level=1).inner_text() == HERO[other]
    assert_usable(page)

    # The choice is remembered: the browser still asks for `language`, the site answers `other`.
    page.goto("/")
    expect_language(page, other)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_searching_a_japanese_word_finds_the_page_that_contains_it(open_page, javascript):
    page = open_page("ja", javascript=javascript)
    page.goto("/ja/")
    page.get_by_role("navigation", name="メイン").get_by_role("link", name="検索").click()
    page.wait_for_url("**/ja/search/")
    assert_usable(page)
    page.get_by_label("サイト内を検索").fill("映画")
    page.get_by_role("button", name="検索").click()
    page.wait_for_url("**/ja/search/?q=*")
    results = page.locator(".search-results a")
    assert results.count() >= 1
    assert page.get_by_role("status").inner_text().strip().startswith(str(results.count()))
    assert_usable(page)
    results.first.click()
    assert page.locator("body").inner_text().count("映画") >= 1


@pytest.mark.parametrize(
    "language, text", [("ja", "ページが見つかりません"), ("en", "Page not found")]
)
def test_a_missing_page_says_so_in_the_visitors_language(open_page, language, text):
    page = open_page(language)
    response = page.goto(f"/{language}/no-such-page/")
    assert response.status == 404
    expect_language(page, language)
    assert text in page.get_by_role("heading", level=1).inner_text()
    assert_usable(page)
