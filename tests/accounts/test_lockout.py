"""Login throttling (django-axes): a brute force is locked out per account and per address,
whatever the password; failures are logged without the password; an officer can unlock."""

import logging

import pytest
from django.test import Client

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LIMIT = 5


def attempt(client, username, password, address="203.0.113.5", language="en"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_a_brute_force_is_locked_out_even_with_the_right_password(client, staff):
    officer = staff("officer")
    statuses = [attempt(client, officer.username, f"guess-{n}").status_code for n in range(LIMIT)]
    # The form again with its error, then locked at the fifth failure.
    assert statuses == [200] * (LIMIT - 1) + [429]
    response = attempt(client, officer.username, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is locked.
    elsewhere = Client()
    assert attempt(elsewhere, officer.username, PASSWORD, address="198.51.100.9").status_code == 429


def test_the_lockout_message_is_in_japanese(client, staff):
    editor = staff("editor")
    for number in range(LIMIT):
        attempt(client, editor.username, f"guess-{number}", language="ja")
    response = client.post(
        "/admin/login/",
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 429
    assert "サインインの失敗が続いたため" in response.content.decode()


def test_one_address_trying_many_accounts_is_locked_out(client, staff):
    editor = staff("editor")
    for number in range(LIMIT):
        attempt(client, f"someone-{number}", "guess")
    assert attempt(client, editor.username, PASSWORD).status_code == 429
    # The same account from another address still signs in.
    response = attempt(Client(), editor.username, PASSWORD, address="198.51.100.9")
    assert response.status_code == 302


def test_failures_and_lockouts_are_logged_without_the_password(client, staff, caplog):
    officer = staff("officer")
    with caplog.at_level(logging.WARNING):
        for number in range(LIMIT + 1):
            attempt(client, officer.username, f"secret-guess-{number}")
    text = caplog.text
    assert "login failure" in text and "Locking out" in text
    assert officer.username in text and "203.0.113.5" in text
    assert "secret-guess" not in text
    from axes.models import AccessAttempt

    assert "secret-guess" not in AccessAttempt.objects.get().post_data


@pytest.mark.parametrize("role", ["officer", "superuser"])
def test_an_officer_unlocks_an_account(client, staff, role):
    editor = staff("editor")
    for number in range(LIMIT):
        attempt(Client(), editor.username, f"guess-{number}")
    assert attempt(Client(), editor.username, PASSWORD).status_code == 429
    client.force_login(staff(role))
    listing = client.get("/admin/accounts/lockouts/")
    assert listing.status_code == 200 and editor.username in listing.content.decode()
    from axes.models import AccessAttempt

    pk = AccessAttempt.objects.get(username=editor.username).pk
    assert (
        client.post(f"/admin/accounts/lockouts/{pk}/unlock/", {"what": "account"}).status_code
        == 302
    )
    assert attempt(Client(), editor.username, PASSWORD).status_code == 302


@pytest.mark.parametrize("role", ["editor", "translator", "approver", "nogroup"])
def test_other_staff_cannot_see_or_lift_lockouts(client, staff, role):
    for number in range(LIMIT):
        attempt(Client(), "victim", f"guess-{number}")
    from axes.models import AccessAttempt

    pk = AccessAttempt.objects.get().pk
    client.force_login(staff(role))
    assert client.get("/admin/accounts/lockouts/").status_code in (302, 403)
    client.post(f"/admin/accounts/lockouts/{pk}/unlock/", {"what": "account"})
    assert AccessAttempt.objects.filter(pk=pk).exists()


def test_password_reset_is_throttled_per_address(client, staff, mailoutbox):
    editor = staff("editor")
    statuses = [
        client.post("/admin/password_reset/", {"email": editor.email}, REMOTE_ADDR="203.0.113.7")
        for _ in range(10)
    ]
    assert [response.status_code for response in statuses[:3]] == [302, 302, 302]
    assert {response.status_code for response in statuses[3:]} == {429}
    assert "パスワード再設定の依頼が多すぎます" in statuses[3].content.decode()
    assert len(mailoutbox) == 3
