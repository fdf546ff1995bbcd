"""Editor journeys in the Wagtail admin: a policy revision goes through the "Legal approval"
workflow and takes effect the moment it is approved; a page is translated with
wagtail-localize."""

import re

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.conftest import (
    EDITOR_PASSWORD,
    admin_in_english,
    approve_pending_policy_amendment,
    log_in,
)

pytestmark = pytest.mark.browser

AUTHOR_USERNAME = "browser-author"
NEW_SENTENCE = "本改定は、ブラウザでの承認手順の確認のために行いました。"


@pytest.fixture
def author(demo):
    """An editor (Editors group, not a superuser): may draft and submit the policy, not publish."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    user = User.objects.filter(username=AUTHOR_USERNAME).first()
    if user is None:
        user = User.objects.create_user(AUTHOR_USERNAME, "author@example.com", EDITOR_PASSWORD)
        user.groups.add(Group.objects.get(name="Editors"))
    return admin_in_english(user)


def policy_page(language):
    from policy.models import PolicyPage

    return PolicyPage.objects.get(locale__language_code=language)


def versions_shown(page):
    page.goto("/ja/privacy-policy/versions/")
    return page.locator(".policy-history__entry").count()


def test_a_policy_revision_takes_effect_when_approved_not_before(open_page, author, editor):
    approve_pending_policy_amendment("ja")  # the demo's own amendment, if still waiting
    visitor = open_page("ja")
    before = versions_shown(visitor)
    policy = policy_page("ja")

    # The editor writes the revision and submits it to Legal approval.
    desk = open_page("en")
    log_in(desk, AUTHOR_USERNAME)
    desk.goto(f"/admin/pages/{policy.pk}/edit/")
    preamble = desk.locator('textarea[name="body-0-value"]')
    preamble.fill(preamble.input_value() + "\n" + NEW_SENTENCE)
    desk.locator('textarea[name="summary_of_changes"]').fill("承認手順の確認のための改定です。")
    assert desk.get_by_role("button", name=re.compile(r"^Publish$")).count() == 0
    desk.get_by_role("button", name="More actions").click()
    desk.get_by_role("button", name="Submit to 法務承認").click()
    desk.wait_for_load_state()
    assert "submitted" in desk.locator(".messages").inner_text().lower()

    # Submitted is not posted: a visitor still sees the policy in force.
    visitor.goto("/ja/privacy-policy/")
    assert NEW_SENTENCE not in visitor.locator("main").inner_text()
    assert versions_shown(visitor) == before

    # The approver approves; the revision is the policy in force from that moment.
    approver = open_page("en")
    log_in(approver)
    approver.goto(f"/admin/pages/{policy.pk}/edit/")
    approver.get_by_role("button", name="More actions").click()
    approver.get_by_role("button", name="Approve and Publish", exact=True).click()
    approver.wait_for_load_state()
    assert "has been updated" in approver.locator(".messages").inner_text()

    visitor.goto("/ja/privacy-policy/")
    assert NEW_SENTENCE in visitor.locator("main").inner_text()
    assert f"第{before + 1}版" in visitor.locator(".policy__in-force").inner_text()
    assert versions_shown(visitor) == before + 1
    assert_accessible(visitor)


def japanese_only_work(slug, title):
    from tests.works.factories import WorkPageFactory
    from works.models import WorksIndexPage

    index = WorksIndexPage.objects.get(locale__language_code="ja")
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    return WorkPageFactory(parent=index, slug=slug, title=title)


def translate_in_the_admin(desk, page):
    """Start "Translate" from the page's actions in the admin and submit it for English."""
    desk.goto(f"/admin/pages/{page.pk}/edit/")
    desk.locator("header").get_by_role("button", name="Actions", exact=True).first.click()
    desk.get_by_role("link", name="Translate").click()
    desk.wait_for_url(f"**/admin/localize/submit/page/{page.pk}/")
    english_choice = desk.get_by_label("English")
    if not english_choice.is_checked():
        english_choice.check()
    desk.get_by_role("button", name="Submit").click()
    desk.wait_for_load_state()


def test_translate_a_page_into_english_with_wagtail_localize(open_page, editor):
    from wagtail.models import Locale

    work = japanese_only_work("browser-translation", "翻訳の確認用作品")
    english = Locale.objects.get(language_code="en")
    assert not work.get_translation_or_none(english)

    desk = open_page("en")
    log_in(desk)
    translate_in_the_admin(desk, work)

    translation = work.get_translation_or_none(english)
    assert translation is not None, "no English translation was created"
    assert translation.slug == work.slug
    desk.goto(f"/admin/pages/{translation.get_parent().pk}/")
    assert desk.get_by_role("link", name=re.compile(re.escape(translation.title))).count() >= 1


def test_a_demo_work_with_stills_and_a_video_translates_with_wagtail_localize(open_page, editor):
    from wagtail.models import Locale

    from works.models import WorkPage

    source = WorkPage.objects.get(locale__language_code="ja", slug="shibuya-midnight")
    work = source.copy(
        update_attrs={"slug": "browser-stills-translation", "title": "場面写真つき翻訳確認"},
        reset_translation_key=True,
    )
    desk = open_page("en")
    log_in(desk)
    translate_in_the_admin(desk, work)
    assert work.get_translation_or_none(Locale.objects.get(language_code="en")) is not None
