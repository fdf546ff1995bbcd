"""The editor's week in a Japanese browser (ja-JP) with the admin in Japanese: a work with a
Japanese-only title gets a readable slug, is previewed beside the form, submitted and approved;
its English translation stays offline until it is approved; the policy is revised and approved by
Legal. No screen on the way shows an English string of the project's own catalogue or models."""

import re

import polib
import pytest
from django.utils import translation
from playwright.sync_api import expect

from home.compile_messages import LOCALE_DIR
from tests.browser.conftest import EDITOR_PASSWORD, approve_pending_policy_amendment, log_in

pytestmark = pytest.mark.browser

TITLE = "夜明けの約束"
SLUG = "yoake-no-yakusoku"


def ja(message, **values):
    """What Wagtail (or the project) shows a Japanese editor for `message`."""
    with translation.override("ja"):
        text = translation.gettext(message)
    return (text % values if values else text).strip()


@pytest.fixture(scope="module")
def our_english_strings():
    """Every English string of ours that a Japanese screen must not show: the catalogue's msgids
    with a Japanese translation, and the labels of our models and blocks in English."""
    from tests.home.test_admin_japanese import our_labels

    catalogue = polib.pofile(str(LOCALE_DIR / "ja" / "LC_MESSAGES" / "django.po"))
    strings = {
        entry.msgid
        for entry in catalogue.translated_entries()
        if entry.msgid != entry.msgstr
        and re.search(r"[A-Za-z]{3}", entry.msgid)
        and "%" not in entry.msgid
        and "{" not in entry.msgid
    }
    with translation.override("en"):
        strings |= {str(label) for _, label in our_labels() if label}
        strings |= {str(label).capitalize() for _, label in our_labels() if label}
    return strings


def assert_no_english_of_ours(page, strings):
    lines = {
        line.strip().rstrip("*").strip() for line in page.locator("body").inner_text().splitlines()
    }
    assert sorted(lines & strings) == [], page.url


def japanese_user(username, group):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username, f"{username}@example.com", EDITOR_PASSWORD, first_name=username
        )
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ja"
    profile.save()
    return user


@pytest.fixture
def people(demo):
    return {
        "editor": japanese_user("ja-henshu", "Editors"),
        "translator": japanese_user("ja-honyaku", "Translators"),
        "approver": japanese_user("ja-homu", "Legal approvers"),
    }


# Wagtail's form watches for edits (and autosaves them) only from two seconds after it loads; what
# is typed before that is taken as the form's starting point and never saved. A person is slower
# than that; the test waits for the watcher instead of typing at machine speed.
MARK_EDITS_WATCHED = """
document.addEventListener('w-unsaved:watch-edits',
  () => document.documentElement.setAttribute('data-edits-watched', ''), {capture: true});
"""


def submit_to_workflow(desk, workflow_name):
    desk.get_by_role("button", name=ja("More actions")).click()
    # (wait for the answer: wait_for_load_state() returns at once, the form page being loaded,
    # and the next step would read the database before the submission reached it)
    with desk.expect_navigation():
        desk.get_by_role(
            "button", name=ja("Submit to %(workflow_name)s", workflow_name=workflow_name)
        ).click()


def approve_and_publish(desk):
    desk.get_by_role("button", name=ja("More actions")).click()
    label = ja("%(label)s and Publish", label=ja("Approve"))
    with desk.expect_navigation():
        desk.get_by_role("button", name=label).filter(visible=True).first.click()


def approve_and_publish_translation(desk):
    """A translated page's edit URL opens wagtail-localize's translation editor, which has no
    "more actions" menu: the task's actions are in its review form."""
    label = ja("%(label)s and Publish", label=ja("Approve"))
    with desk.expect_navigation():
        desk.locator("form.translation-review").get_by_role("button", name=label).click()


def test_a_japanese_editor_publishes_and_translates_a_work(open_page, people, our_english_strings):
    from wagtail.models import Locale

    from home.workflows import EDITORIAL_WORKFLOW
    from works.models import WorkPage, WorksIndexPage

    index = WorksIndexPage.objects.get(locale__language_code="ja")
    desk = open_page("ja")
    log_in(desk, "ja-henshu")
    desk.add_init_script(MARK_EDITS_WATCHED)

    # A Japanese-only title gives a readable slug as it is typed.
    desk.goto(f"/admin/pages/add/works/workpage/{index.pk}/")
    desk.locator("html[data-edits-watched]").wait_for(state="attached")
    assert_no_english_of_ours(desk, our_english_strings)
    desk.locator("#id_title").fill(TITLE)
    # (a locator wait: wait_for_function evaluates a string, which the admin CSP rightly refuses)
    expect(desk.locator("#id_slug")).to_have_value(SLUG)
    desk.locator("#id_summary").fill("夜明け前の渋谷を歩く、ふたりの短編。")
    desk.locator("#id_release_date").fill("2026-04-01")

    # Preview beside the form.
    desk.locator('[data-side-panel-toggle="preview"]').click()
    preview = desk.frame_locator("#w-preview-iframe")
    assert TITLE in preview.locator("h1").first.inner_text(timeout=60_000)

    # Wagtail saves a new page as it is typed (autosave) and turns the form into the page's edit
    # view. The editor submits from there: a submission sent while that first save was still on
    # its way posts the create form a second time, which is refused (the slug is taken).
    expect(desk).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=60_000)
    work = WorkPage.objects.get(locale__language_code="ja", slug=SLUG)
    desk.goto(f"/admin/pages/{work.pk}/edit/")

    # Submit to the Editors' review.
    submit_to_workflow(desk, EDITORIAL_WORKFLOW)
    work.refresh_from_db()
    assert work.current_workflow_state is not None and not work.live
    desk.goto(f"/admin/pages/{work.pk}/edit/")
    assert_no_english_of_ours(desk, our_english_strings)
    approve_and_publish(desk)
    work.refresh_from_db()
    assert work.live

    # The translator translates it: the English page exists, offline.
    translator = open_page("ja")
    log_in(translator, "ja-honyaku")
    translator.goto(f"/admin/localize/submit/page/{work.pk}/")
    english_choice = translator.get_by_label("English")
    if not english_choice.is_checked():
        english_choice.check()
    translator.locator("main form input[type=submit]").click()
    translator.wait_for_load_state()
    english = WorkPage.objects.get(
        translation_key=work.translation_key, locale=Locale.objects.get(language_code="en")
    )
    assert english.slug == SLUG and not english.live
    visitor = open_page("en")
    assert visitor.goto(f"/en/works/{SLUG}/").status == 404

    # In the translation editor, the translator submits it; the editor approves it.
    translator.goto(f"/admin/pages/{english.pk}/edit/")
    assert_no_english_of_ours(translator, our_english_strings)
    with translator.expect_navigation():
        translator.get_by_role(
            "button", name=ja("Submit to %(workflow_name)s", workflow_name=EDITORIAL_WORKFLOW)
        ).click()
    english.refresh_from_db()
    assert english.current_workflow_state is not None and not english.live
    assert visitor.goto(f"/en/works/{SLUG}/").status == 404
    desk.goto(f"/admin/pages/{english.pk}/edit/")
    assert_no_english_of_ours(desk, our_english_strings)
    approve_and_publish_translation(desk)
    english.refresh_from_db()
    assert english.live and english.current_workflow_state is None
    assert visitor.goto(f"/en/works/{SLUG}/").status == 200


def test_a_japanese_editor_revises_the_policy_and_legal_approves_it(
    open_page, people, our_english_strings
):
    from policy.models import PolicyPage
    from policy.permissions import LEGAL_WORKFLOW

    approve_pending_policy_amendment("ja")  # the demo's own amendment, if still waiting
    policy = PolicyPage.objects.get(locale__language_code="ja")
    desk = open_page("ja")
    log_in(desk, "ja-henshu")
    desk.goto(f"/admin/pages/{policy.pk}/edit/")
    assert_no_english_of_ours(desk, our_english_strings)
    summary = desk.locator('textarea[name="summary_of_changes"]')
    assert summary.input_value() == ""  # a new revision starts with an empty summary
    preamble = desk.locator('textarea[name="body-0-value"]')
    preamble.fill(preamble.input_value() + "\n日本語の管理画面での改定手順を確認しました。")
    # (a summary of its own: the form refuses the previous version's, and the demo database is
    # shared, so this journey may meet its own earlier version)
    summary.fill(f"前文に一文を加えました（第{policy.versions.count() + 1}版）。")
    submit_to_workflow(desk, LEGAL_WORKFLOW)

    approver = open_page("ja")
    log_in(approver, "ja-homu")
    approver.goto(f"/admin/pages/{policy.pk}/edit/")
    assert_no_english_of_ours(approver, our_english_strings)
    approve_and_publish(approver)
    approver.goto(f"/admin/pages/{policy.pk}/edit/")
    approver.locator('[data-side-panel-toggle="status"]').click()
    assert "ja-homu" in approver.locator('[data-side-panel="status"]').inner_text()

    visitor = open_page("ja")
    visitor.goto("/ja/privacy-policy/")
    assert "日本語の管理画面での改定手順を確認しました。" in visitor.locator("main").inner_text()
