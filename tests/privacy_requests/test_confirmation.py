"""The confirmation link: signed, single use, 72 hours; every bad link says what is wrong and
offers a way forward."""

import base64
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from privacy_requests.models import PrivacyRequest

from .conftest import confirmation_link

pytestmark = pytest.mark.django_db


def test_opening_the_link_asks_and_the_button_confirms(client, submit, mailoutbox, settings):
    settings.PRIVACY_REQUEST_DUE_DAYS = 10
    privacy_request = submit("mika@example.com", kind="deletion")
    link = confirmation_link(mailoutbox)

    shown = client.get(link)
    assert shown.status_code == 200
    assert "Confirm my request" in shown.content.decode()
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.UNCONFIRMED  # a mail scanner's GET

    before = timezone.now()
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert "Your request is confirmed" in confirmed.content.decode()
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.OPEN
    assert privacy_request.confirmed_at >= before
    assert privacy_request.due_at == privacy_request.confirmed_at + timedelta(days=10)
    # The requester is told in their language; the studio is told without personal data.
    status_mail, studio_mail = mailoutbox[-2], mailoutbox[-1]
    assert status_mail.to == ["mika@example.com"] and "Open" in status_mail.subject
    assert studio_mail.to == [settings.STUDIO_NOTIFY_EMAIL]
    assert "mika" not in studio_mail.body.lower() and "Testperson" not in studio_mail.body


def test_a_disclosure_waits_for_its_fee_once_confirmed(client, submit, mailoutbox):
    privacy_request = submit("mika@example.com", kind="disclosure")
    client.post(confirmation_link(mailoutbox))
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.WAITING_FOR_FEE
    assert privacy_request.fee_status == PrivacyRequest.Fee.PENDING
    assert "1,000 yen" in mailoutbox[-2].body


def test_a_reused_link_says_it_was_used_and_changes_nothing(client, submit, mailoutbox):
    privacy_request = submit("mika@example.com", kind="other")
    link = confirmation_link(mailoutbox)
    client.post(link)
    privacy_request.refresh_from_db()
    confirmed_at, sent = privacy_request.confirmed_at, len(mailoutbox)

    for method in (client.get, client.post):
        again = method(link)
        assert again.status_code == 410
        assert "This link has already been used" in again.content.decode()
    privacy_request.refresh_from_db()
    assert privacy_request.confirmed_at == confirmed_at
    assert len(mailoutbox) == sent


def test_an_expired_link_says_so_and_offers_a_new_one(client, submit, mailoutbox):
    with time_machine.travel(timezone.now() - timedelta(hours=73), tick=False):
        privacy_request = submit("mika@example.com", kind="other")
        link = confirmation_link(mailoutbox)

    expired = client.post(link)
    html = expired.content.decode()
    assert expired.status_code == 410
    assert "This link has expired" in html and "Send me a new link" in html
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.UNCONFIRMED

    token = link.rstrip("/").rsplit("/", 1)[1]
    resent = client.post("/en/privacy-requests/resend/", {"token": token})
    assert resent.status_code == 200
    new_link = confirmation_link(mailoutbox)
    assert new_link != link
    assert client.post(new_link).status_code == 200
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.OPEN


def test_a_link_just_inside_72_hours_still_works(client, submit, mailoutbox):
    with time_machine.travel(timezone.now() - timedelta(hours=71), tick=False):
        submit("mika@example.com", kind="other")
        link = confirmation_link(mailoutbox)
    assert client.post(link).status_code == 200


def _retarget(token):
    signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    number, rest = signed.split(":", 1)
    forged = f"{int(number) + 1}:{rest}"
    return base64.urlsafe_b64encode(forged.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),  # signature changed
        lambda token: _retarget(token),  # another request's number, same signature
        lambda token: "garbage",
    ],
)
def test_a_tampered_link_is_refused_and_offers_a_new_one(client, submit, mailoutbox, tamper):
    privacy_request = submit("mika@example.com", kind="other")
    link = confirmation_link(mailoutbox)
    prefix, token = link.rstrip("/").rsplit("/", 1)
    response = client.post(f"{prefix}/{tamper(token)}/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "This link is not valid" in html and "Send me a new link" in html
    assert 'type="email" name="email"' in html  # the link names no request: ask for the address
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.UNCONFIRMED


def test_a_new_link_replaces_the_old_one(client, submit, mailoutbox):
    submit("mika@example.com", kind="other")
    old_link = confirmation_link(mailoutbox)
    client.post("/en/privacy-requests/resend/", {"email": "MIKA@example.com"})
    new_link = confirmation_link(mailoutbox)
    assert new_link != old_link
    replaced = client.post(old_link)
    assert replaced.status_code == 410
    assert "A newer link has replaced this one" in replaced.content.decode()
    assert client.post(new_link).status_code == 200


def test_resending_does_not_reveal_whether_an_address_has_a_request(
    client, request_pages, mailoutbox
):
    response = client.post("/en/privacy-requests/resend/", {"email": "nobody@example.com"})
    assert response.status_code == 200
    assert "If there is an unconfirmed request for that address" in response.content.decode()
    assert mailoutbox == []


def test_an_unconfirmed_request_is_not_an_open_case(submit):
    privacy_request = submit("mika@example.com", kind="deletion")
    assert not PrivacyRequest.objects.active().filter(pk=privacy_request.pk).exists()
    assert privacy_request.due_at is None
    from privacy_requests import actions

    assert actions.available(privacy_request) == set()


def test_asking_for_new_links_is_rate_limited_too(client, request_pages, settings, mailoutbox):
    settings.PRIVACY_REQUEST_RATE_LIMIT = (1, 3600)
    url = "/ja/privacy-requests/resend/"
    assert client.post(url, {"email": "a@example.com"}, REMOTE_ADDR="10.9.9.9").status_code == 200
    refused = client.post(url, {"email": "a@example.com"}, REMOTE_ADDR="10.9.9.9")
    assert refused.status_code == 429
    assert "以降にもう一度" in refused.content.decode()
