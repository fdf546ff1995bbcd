"""Staff accounts in a real browser: a Privacy officer enrols an authenticator in the admin and
signs in with it; a brute force is locked out; the admin's screens (dashboard, page editor with
its rich-text editor and preview, choosers, wagtail-localize's editor, reports) work under the
admin's content security policy with no violation (checked by `open_page` for every test)."""

import base64
import time

import pytest
from django_otp.oath import TOTP

from tests.browser.conftest import EDITOR_PASSWORD, admin_in_english, log_in

pytestmark = pytest.mark.browser
# Not the privacy-request journeys' officer (tests/browser/test_privacy_requests.py), who has
# another password in the shared demo database and a second factor already.
OFFICER = "browser-enrolling-officer"


@pytest.fixture
def new_officer(demo):
    """A Privacy officer with no second factor yet."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    User = get_user_model()
    user = User.objects.filter(username=OFFICER).first() or User.objects.create_user(
        OFFICER, "officer@example.com", EDITOR_PASSWORD, first_name="Officer", last_name="Staff"
    )
    user.groups.add(Group.objects.get(name="Privacy officers"))
    TOTPDevice.objects.filter(user=user).delete()
    return admin_in_english(user)


def code_from_the_key(key_shown, step_offset=0):
    """What an authenticator app shows for the key the page printed."""
    secret = key_shown.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * step_offset
    return f"{totp.token():06d}"


def sign_in_with_password(page, username, password=EDITOR_PASSWORD):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()


def test_an_officer_enrols_a_second_factor_and_signs_in_with_it(open_page, new_officer):
    desk = open_page("en")
    sign_in_with_password(desk, OFFICER)
    # Nothing but enrolment until the second factor is set up.
    desk.wait_for_url("**/admin/accounts/two-factor/**")
    desk.goto("/admin/reports/site-history/")
    assert "/admin/accounts/two-factor/" in desk.url
    key_shown = desk.locator("[data-secret]").inner_text()
    assert desk.locator('img[src^="data:image/svg+xml"]').is_visible()
    desk.get_by_label("Code").fill(code_from_the_key(key_shown))
    desk.get_by_role("button", name="Turn on two-step verification").click()
    desk.locator("[data-recovery-codes] code").first.wait_for()
    codes = desk.locator("[data-recovery-codes] code").all_inner_texts()
    assert len(codes) == 10
    desk.get_by_role("link", name="Continue").click()
    desk.wait_for_url("**/admin/**")
    assert desk.get_by_role("heading", level=1).count() >= 1

    # Another day, another browser: password, then the code of the app.
    later = open_page("en")
    sign_in_with_password(later, OFFICER)
    later.wait_for_url("**/admin/accounts/two-factor/verify/**")
    later.get_by_label("Code").fill(code_from_the_key(key_shown, step_offset=1))
    later.get_by_role("button", name="Verify").click()
    later.wait_for_url("**/admin/")
    # The phone is lost: a recovery code signs in once.
    third = open_page("en")
    sign_in_with_password(third, OFFICER)
    third.get_by_label("Code").fill(codes[0])
    third.get_by_role("button", name="Verify").click()
    third.wait_for_url("**/admin/")


def test_a_brute_force_is_locked_out_in_the_browser(open_page, demo):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not User.objects.filter(username="browser-target").exists():
        User.objects.create_user("browser-target", "target@example.com", EDITOR_PASSWORD)
    page = open_page("ja")
    for number in range(5):
        sign_in_with_password(page, "browser-target", f"wrong-{number}")
        page.wait_for_load_state()
    sign_in_with_password(page, "browser-target", EDITOR_PASSWORD)
    page.wait_for_load_state()
    assert "サインインの失敗が続いたため" in page.locator("body").inner_text()
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()  # the other browser tests sign in from this address


def test_the_admin_screens_work_under_the_admin_csp(open_page, editor):
    from wagtail.models import Locale

    from works.models import WorkPage

    desk = open_page("en")
    log_in(desk)
    work = WorkPage.objects.get(locale__language_code="ja", slug="shibuya-midnight")

    # The page editor: rich text (Draftail), StreamField, inline panels, the preview beside it.
    response = desk.goto(f"/admin/pages/{work.pk}/edit/")
    script_src = response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert "'nonce-" in script_src and "unsafe" not in script_src
    desk.locator(".Draftail-Editor").first.wait_for()
    desk.locator('[data-side-panel-toggle="preview"]').click()
    preview = desk.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").first.inner_text(timeout=60_000)

    # A chooser (image), opened and closed.
    desk.goto(f"/admin/pages/{work.pk}/edit/")
    desk.locator("[data-chooser-action-choose]:visible").first.click()
    desk.locator(".modal-content").wait_for()
    desk.locator(".modal-content form, .modal-content .listing").first.wait_for()
    desk.keyboard.press("Escape")

    # Scheduling (the date widgets' scripts) and the page history and reports.
    for url in [
        "/admin/pages/",
        f"/admin/pages/{work.pk}/history/",
        "/admin/reports/site-history/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/account/",
        "/admin/accounts/two-factor/",
    ]:
        assert desk.goto(url).status == 200, url

    # wagtail-localize's translation editor.
    english = work.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english is not None:
        desk.goto(f"/admin/pages/{english.pk}/edit/")
        desk.locator(".js-translation-editor, #page-edit-form").first.wait_for()
    desk.goto(f"/admin/localize/submit/page/{work.pk}/")
    desk.wait_for_load_state()
    assert desk.csp_violations == []
