"""A person asks for a correction of their data, in Japanese or English, with and without
JavaScript: from the footer to the form, a mistake, the fix, "check your email", the link in the
email and the confirmation. Then the person in charge of personal information answers it in the
admin, and an editor who is not in that role cannot see it. Every public page on the way passes
axe-core and the keyboard walk."""

import re

import pytest
from django.core import mail

from tests.browser.checks import assert_usable
from tests.browser.conftest import admin_in_english, log_in

pytestmark = pytest.mark.browser

JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
TEXT = {
    "ja": {
        "footer_link": "開示等の請求",  # the page title, as the footer links (navigation settings)
        "correction": "訂正・追加（第6条）",
        "name": "お名前",
        "email": "メールアドレス",
        "details": "詳細",
        "send": "請求を送信する",
        "fix_fields": "以下の印の付いた項目を修正してください。",
        "check_email": "メールをご確認ください",
        "confirm": "請求を確定する",
        "confirmed": "ご請求を受け付けました",
    },
    "en": {
        "footer_link": "Privacy requests",
        "correction": "Correction or addition (Article 6)",
        "name": "Name",
        "email": "Email",
        "details": "Details",
        "send": "Send request",
        "fix_fields": "Please correct the fields marked below.",
        "check_email": "Check your email",
        "confirm": "Confirm my request",
        "confirmed": "Your request is confirmed",
    },
}
OFFICER = ("browser-officer", "browser-officer-pass-2026")
PLAIN_EDITOR = ("browser-plain-editor", "browser-plain-editor-pass-2026")


def heading(page):
    return page.get_by_role("heading", level=1).inner_text().strip()


def confirmation_link(address):
    links = [
        link
        for message in mail.outbox
        if address in message.to
        for link in re.findall(r"https?://\S+/confirm/\S+/", message.body)
    ]
    assert links, f"no confirmation email to {address}"
    return links[-1]


def ask_for_a_correction(page, language, name, address):
    """From the footer to "check your email", with a wrong email address on the first try."""
    text = TEXT[language]
    page.goto(f"/{language}/")
    page.get_by_role("contentinfo").get_by_role("link", name=text["footer_link"]).click()
    page.wait_for_url(f"**/{language}/privacy-requests/")
    assert_usable(page)

    page.get_by_label(text["correction"]).check()
    page.get_by_role("textbox", name=re.compile("^" + text["name"])).fill(name)
    page.get_by_role("textbox", name=re.compile("^" + text["email"])).fill("not-an-address")
    page.get_by_role("textbox", name=re.compile("^" + text["details"])).fill(
        "芸名の表記を「森下 遥」に直してください。"
    )
    page.get_by_role("button", name=text["send"]).click()
    page.wait_for_load_state()

    # The mistake is named in the visitor's language; what they typed is still there.
    assert page.get_by_role("alert").inner_text().strip().startswith(text["fix_fields"])
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".field--error #id_email").count() == 1
    assert page.get_by_label(text["correction"]).is_checked()
    assert page.get_by_role("textbox", name=re.compile("^" + text["name"])).input_value() == name
    assert (
        "森下 遥"
        in page.get_by_role("textbox", name=re.compile("^" + text["details"])).input_value()
    )
    assert_usable(page)

    page.get_by_role("textbox", name=re.compile("^" + text["email"])).fill(address)
    page.get_by_role("button", name=text["send"]).click()
    page.wait_for_url(f"**/{language}/privacy-requests/sent/")
    assert heading(page) == text["check_email"]
    assert_usable(page)


def confirm_from_the_email(page, language, address):
    text = TEXT[language]
    page.goto(confirmation_link(address))
    assert_usable(page)
    page.get_by_role("button", name=text["confirm"]).click()
    page.wait_for_load_state()
    assert heading(page) == text["confirmed"]
    assert_usable(page)


@JAVASCRIPT
@pytest.mark.parametrize("language", ["ja", "en"])
def test_ask_for_a_correction_fix_a_mistake_and_confirm_it_from_the_email(
    open_page, language, javascript
):
    from privacy_requests.models import PrivacyRequest

    address = f"browser-{language}-{'js' if javascript else 'nojs'}@example.com"
    page = open_page(language, javascript=javascript)
    ask_for_a_correction(page, language, "ブラウザ 花子", address)

    stored = PrivacyRequest.objects.for_email(address).get()
    assert stored.status == PrivacyRequest.Status.UNCONFIRMED
    assert stored.language == language

    confirm_from_the_email(page, language, address)
    stored.refresh_from_db()
    assert stored.status == PrivacyRequest.Status.OPEN
    assert stored.confirmed_at is not None

    # The link is single-use: opening it again changes nothing.
    page.goto(confirmation_link(address))
    assert page.get_by_role("button", name=TEXT[language]["confirm"]).count() == 0


def staff_user(credentials, group_name):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    username, password = credentials
    User = get_user_model()
    user = User.objects.filter(username=username).first() or User.objects.create_user(
        username, f"{username}@example.com", password
    )
    user.groups.add(Group.objects.get(name=group_name))
    return admin_in_english(user)


def test_the_privacy_officer_answers_the_request_and_an_editor_cannot_see_it(open_page):
    from privacy_requests.models import PrivacyRequest

    address = "browser-officer-journey@example.com"
    visitor = open_page("en")
    ask_for_a_correction(visitor, "en", "Browser Requester", address)
    confirm_from_the_email(visitor, "en", address)
    privacy_request = PrivacyRequest.objects.for_email(address).get()
    number = f"#{privacy_request.pk}"

    staff_user(OFFICER, "Privacy officers")
    desk = open_page("en")
    log_in(desk, *OFFICER)
    desk.get_by_role("link", name="Privacy requests").first.click()
    desk.wait_for_url("**/admin/privacy-requests/")
    desk.get_by_role("link", name=re.compile(re.escape(number))).click()
    desk.wait_for_url(f"**/admin/privacy-requests/inspect/{privacy_request.pk}/")
    assert address in desk.content() and "Browser Requester" in desk.content()

    desk.get_by_role("button", name="Start work (in progress)").click()
    desk.wait_for_load_state()
    desk.get_by_label("What was corrected").fill("Stage name corrected on the creator profile.")
    desk.get_by_role("button", name="Record correction").click()
    desk.wait_for_load_state()
    desk.get_by_role("button", name="Mark done").click()
    desk.wait_for_load_state()
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert privacy_request.officer_note == "Stage name corrected on the creator profile."
    assert len([message for message in mail.outbox if address in message.to]) >= 3

    # An editor is staff too, but the queue and the request are not theirs to see.
    staff_user(PLAIN_EDITOR, "Editors")
    other = open_page("en")
    log_in(other, *PLAIN_EDITOR)
    assert other.get_by_role("link", name="Privacy requests").count() == 0
    for path in (
        "/admin/privacy-requests/",
        f"/admin/privacy-requests/inspect/{privacy_request.pk}/",
    ):
        other.goto(path)
        assert address not in other.content()
        assert "Browser Requester" not in other.content()
