"""Two-step verification: required for Privacy officers, Legal approvers and superusers (they
reach nothing but enrolment without it), offered to everyone else, asked at every sign-in once
set up; recovery codes work once each."""

import re
import time

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import PASSWORD
from tests.accounts.second_factor import (
    current_code,
    enrolled_authenticator,
    force_login_password_only,
)

pytestmark = pytest.mark.django_db
ENROL = "/admin/accounts/two-factor/"
VERIFY = "/admin/accounts/two-factor/verify/"
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/creators_entry/", "/admin/account/"]


def password_only(user):
    client = Client()
    force_login_password_only(client, user)
    return client


def sign_in(user, address="203.0.113.20"):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}, REMOTE_ADDR=address
    )
    assert response.status_code == 302
    return client


@pytest.mark.parametrize("role", ["officer", "approver", "superuser"])
def test_roles_that_need_a_second_factor_reach_nothing_but_enrolment(staff, role):
    client = password_only(staff(role))
    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{ENROL}?next="), url
    page = client.get(ENROL)
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    # What the enrolment page loads answers too (the icons are fetched and put in the page).
    for url in ["/admin/sprite/", "/admin/jsi18n/"]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_others_are_offered_a_second_factor(staff, role):
    client = password_only(staff(role))
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert ENROL in account
    assert client.get(ENROL).status_code == 200


def test_an_officer_enrols_and_gets_recovery_codes(staff):
    officer = staff("officer")
    client = password_only(officer)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    wrong = client.post(ENROL, {"action": "confirm", "code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "コードが正しくありません" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    time.sleep(1.1)  # django-otp makes the device wait after a wrong code (1 s, then 2 s, 4 s…)
    done = client.post(ENROL, {"action": "confirm", "code": current_code(device)})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=officer).confirmed
    assert client.get("/admin/").status_code == 200


def test_signing_in_asks_for_the_code_after_the_password(staff):
    officer = staff("officer")
    device = enrolled_authenticator(officer)
    client = sign_in(officer)
    response = client.get("/admin/account/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    refused = client.post(VERIFY, {"code": "123456", "next": "/admin/account/"})
    assert refused.status_code == 200 and "コードが正しくありません" in refused.content.decode()
    time.sleep(1.1)  # the device's wait after a wrong code
    accepted = client.post(VERIFY, {"code": current_code(device), "next": "/admin/account/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_a_recovery_code_signs_in_once(staff):
    from accounts.second_factor import new_recovery_codes

    approver = staff("approver")
    enrolled_authenticator(approver)
    code = new_recovery_codes(approver)[0]
    first = sign_in(approver)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = sign_in(approver, address="203.0.113.21")
    assert second.post(VERIFY, {"code": code}).status_code == 200  # refused: already used
    assert second.get("/admin/").status_code == 302


def test_the_redirect_after_the_code_stays_on_this_site(staff):
    officer = staff("officer")
    device = enrolled_authenticator(officer)
    client = sign_in(officer)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_an_editor_who_enrolled_is_asked_for_the_code_too(staff):
    editor = staff("editor")
    enrolled_authenticator(editor)
    client = sign_in(editor)
    assert client.get("/admin/").status_code == 302


def test_only_those_whose_role_allows_it_turn_it_off(staff, client):
    officer, editor = staff("officer"), staff("editor")
    for user, stays in ((officer, True), (editor, False)):
        client.force_login(user)
        client.post(ENROL, {"action": "remove"})
        assert TOTPDevice.objects.filter(user=user).exists() is stays, user


def test_enrolment_reads_in_japanese(staff):
    from wagtail.users.models import UserProfile

    officer = staff("officer")
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "ja"
    profile.save()
    page = password_only(officer).get(ENROL).content.decode()
    assert "2段階認証" in page and "Two-step" not in page
