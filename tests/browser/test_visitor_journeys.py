"""The visitor journeys of issue 7, in Japanese and English, with and without JavaScript:
filter the works, open one and switch its language, open a creator, read the policy, its
history and what changed, send the entry form with a mistake, fix it and get the confirmation.
Every page on the way passes axe-core and the keyboard walk."""

import re

import pytest

from tests.browser.checks import assert_usable
from tests.browser.conftest import approve_pending_policy_amendment

pytestmark = pytest.mark.browser

LANGUAGES = ["ja", "en"]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
TEXT = {
    "ja": {
        "main": "メイン",
        "works": "作品",
        "creators": "クリエイター",
        "short_film": "ショートフィルム",
        "work": "渋谷、午前零時",
        "other_name": "English",
        "policy": "プライバシーポリシー",
        "history": "改定履歴",
        "compare": "前の版からの変更点",
        "entry": "クリエイターエントリー",
        "name": "お名前",
        "email": "メールアドレス",
        "portfolio": "ポートフォリオURL",
        "send": "エントリーを送信",
        "thanks": "エントリーありがとうございます",
    },
    "en": {
        "main": "Main",
        "works": "Works",
        "creators": "Creators",
        "short_film": "Short film",
        "work": "Shibuya, Midnight",
        "other_name": "日本語",
        "policy": "Privacy policy",
        "history": "History of this policy",
        "compare": "What changed from the previous version",
        "entry": "Creator entry",
        "name": "Name",
        "email": "Email",
        "portfolio": "Portfolio URL",
        "send": "Send entry",
        "thanks": "Thank you for your entry",
    },
}
OTHER = {"ja": "en", "en": "ja"}


def heading(page):
    return page.get_by_role("heading", level=1).inner_text().strip()


def main_nav(page, language):
    return page.get_by_role("navigation", name=TEXT[language]["main"], exact=True)


@JAVASCRIPT
@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_the_works_open_one_and_read_it_in_the_other_language(
    open_page, language, javascript
):
    text = TEXT[language]
    page = open_page(language, javascript=javascript)
    page.goto(f"/{language}/")
    main_nav(page, language).get_by_role("link", name=text["works"], exact=True).click()
    page.wait_for_url(f"**/{language}/works/")
    all_works = page.locator(".work-card").count()
    assert all_works >= 2
    assert_usable(page)

    filters = page.get_by_role("navigation", name=re.compile("絞り込む|[Ff]ilter"))
    filters.get_by_role("link", name=text["short_film"], exact=True).click()
    page.wait_for_url(re.compile(r"\?category=short-film"))
    shown = page.locator(".work-card")
    assert 1 <= shown.count() < all_works
    assert page.get_by_role("link", name=text["short_film"], exact=True).get_attribute(
        "aria-current"
    )
    assert_usable(page)

    page.locator(".work-card").filter(has_text=text["work"]).get_by_role("link").click()
    page.wait_for_url(f"**/{language}/works/shibuya-midnight/")
    assert heading(page) == text["work"]
    assert_usable(page)

    other = OTHER[language]
    switcher = page.get_by_role("navigation", name=re.compile("^(Language|言語)$"))
    switcher.get_by_role("link", name=text["other_name"]).click()
    page.wait_for_url(f"**/{other}/works/shibuya-midnight/")
    assert page.locator("html").get_attribute("lang") == other
    assert heading(page) == TEXT[other]["work"]


@JAVASCRIPT
@pytest.mark.parametrize("language", LANGUAGES)
def test_open_a_creator_from_the_creators_page(open_page, language, javascript):
    page = open_page(language, javascript=javascript)
    page.goto(f"/{language}/")
    main_nav(page, language).get_by_role("link", name=TEXT[language]["creators"]).click()
    page.wait_for_url(f"**/{language}/creators/")
    assert_usable(page)
    card = page.locator(".creator-card").first
    name = card.locator(".card__title").inner_text().strip()
    card.get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/{language}/creators/[\w-]+/$"))
    assert heading(page) == name
    assert_usable(page)


@JAVASCRIPT
@pytest.mark.parametrize("language", LANGUAGES)
def test_read_the_policy_its_history_and_what_changed(open_page, language, javascript):
    text = TEXT[language]
    page = open_page(language, javascript=javascript)
    page.goto(f"/{language}/")
    page.get_by_role("contentinfo").get_by_role("link", name=text["policy"]).click()
    page.wait_for_url(f"**/{language}/privacy-policy/")
    assert heading(page).casefold() == text["policy"].casefold()
    assert page.locator(".policy__in-force time").count() == 1
    assert_usable(page)

    page.get_by_role("link", name=text["history"]).click()
    page.wait_for_url(f"**/{language}/privacy-policy/versions/")
    versions = page.locator(".policy-history__entry")
    assert versions.count() >= 1
    assert_usable(page)
    if versions.count() < 2:
        # The demo posts version 1 and leaves the amendment awaiting Legal approval: Legal
        # approves it now (in Japanese; English follows by translation), then it is compared.
        if language != "ja" or not approve_pending_policy_amendment(language):
            return
        page.reload()
        assert versions.count() >= 2

    page.get_by_role("link", name=text["compare"]).first.click()
    page.wait_for_url(re.compile(rf"/{language}/privacy-policy/versions/\d+/compare/\d+/$"))
    assert page.locator("ins, del").count() >= 1, "the compare page shows no change"
    assert_usable(page)


@JAVASCRIPT
@pytest.mark.parametrize("language", LANGUAGES)
def test_send_the_entry_form_with_a_mistake_fix_it_and_get_the_confirmation(
    open_page, language, javascript
):
    text = TEXT[language]
    page = open_page(language, javascript=javascript)
    page.goto(f"/{language}/")
    page.get_by_role("contentinfo").get_by_role("link", name=text["entry"]).click()
    page.wait_for_url(f"**/{language}/entry/")
    assert_usable(page)

    name = f"ブラウザ 太郎 {language} {javascript}"
    page.get_by_label(text["name"], exact=False).first.fill(name)
    page.get_by_label(text["email"], exact=False).first.fill(f"entry-{language}@example.com")
    page.get_by_label(text["portfolio"], exact=False).fill("not a web address")
    page.locator("#id_expertise_0").check()
    page.locator("#id_agree_policy").check()
    page.get_by_role("button", name=text["send"]).click()
    page.wait_for_load_state()

    # The mistake is explained next to its field, in the visitor's language, values kept.
    assert f"/{language}/entry/" in page.url
    portfolio = page.locator("#id_portfolio_url")
    assert (
        portfolio.get_attribute("aria-invalid") == "true"
        or page.locator(".field--error #id_portfolio_url").count()
    )
    assert page.locator(".errorlist").count() >= 1
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("#id_name").input_value() == name
    assert page.locator("#id_expertise_0").is_checked()
    assert_usable(page)

    portfolio.fill("https://example.com/portfolio")
    if not page.locator("#id_agree_policy").is_checked():
        page.locator("#id_agree_policy").check()
    page.get_by_role("button", name=text["send"]).click()
    page.wait_for_load_state()
    assert heading(page) == text["thanks"]
    assert page.locator(".errorlist").count() == 0
    assert_usable(page)
