"""The requester's form: what it shows, what it stores, and how it fails without losing anything."""

import re

import pytest
from django.core import mail
from django.test import Client

from home import outbox
from home.outbox import OutboxEmail
from privacy_requests.models import PrivacyRequest

pytestmark = pytest.mark.django_db


def test_the_page_states_the_fee_and_shows_the_inquiry_window(client, request_pages):
    response = client.get("/en/privacy-requests/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1,000 yen" in html
    assert "filmproduction@allhero.co.jp" in html
    assert "Film Production Group" in html
    for label in ["Disclosure", "Correction", "Deletion", "Suspension of use", "Other inquiry"]:
        assert label in html
    japanese = client.get("/ja/privacy-requests/").content.decode()
    assert "1,000円" in japanese
    assert "映像制作グループ" in japanese


def test_a_submission_is_stored_unconfirmed_and_a_link_is_emailed(
    client, request_pages, mailoutbox
):
    response = client.post(
        "/ja/privacy-requests/",
        {
            "kind": "deletion",
            "name": "山田 太郎",
            "email": "taro@example.com",
            "details": "削除希望",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ja/privacy-requests/sent/"
    stored = PrivacyRequest.objects.get()
    assert stored.status == PrivacyRequest.Status.UNCONFIRMED
    assert (stored.name, stored.email, stored.language) == ("山田 太郎", "taro@example.com", "ja")
    assert stored.due_at is None and stored.confirmed_at is None
    assert [m.to for m in mailoutbox] == [["taro@example.com"]]
    assert "/ja/privacy-requests/confirm/" in mailoutbox[0].body
    assert "72" in mailoutbox[0].body and "確認" in mailoutbox[0].subject
    assert stored.emails.get().delivery == OutboxEmail.Delivery.SENT
    assert "メールをご確認ください" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Enter a valid email address."), ("ja", "有効なメールアドレスを入力してください。")],
)
def test_bad_input_is_explained_in_the_visitors_language_with_values_kept(
    client, request_pages, language, expected
):
    response = client.post(
        f"/{language}/privacy-requests/",
        {
            "kind": "correction",
            "name": "Kept Name",
            "email": "not-an-email",
            "details": "Kept text",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert expected in html
    assert 'value="Kept Name"' in html and "Kept text" in html
    assert re.search(r'value="correction"[^>]*checked', html)
    assert PrivacyRequest.objects.count() == 0


def test_a_missing_kind_and_blank_details_are_errors_not_500(client, request_pages):
    response = client.post("/en/privacy-requests/", {"name": "A", "email": "a@example.com"})
    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 2


def test_the_honeypot_stores_nothing_and_sends_nothing(client, request_pages, mailoutbox):
    response = client.post(
        "/en/privacy-requests/",
        {
            "kind": "other",
            "name": "Bot",
            "email": "bot@example.com",
            "details": "x",
            "website": "spam",
        },
    )
    assert response.status_code == 302  # a bot learns nothing
    assert PrivacyRequest.objects.count() == 0
    assert mailoutbox == []


def test_the_form_needs_a_csrf_token(request_pages):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/en/privacy-requests/",
        {"kind": "other", "name": "A", "email": "a@example.com", "details": "x"},
    )
    assert response.status_code == 403
    assert PrivacyRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Please try again after"), ("ja", "以降にもう一度")]
)
def test_a_flood_from_one_address_gets_429_saying_when_to_retry(
    client, request_pages, settings, language, expected
):
    settings.PRIVACY_REQUEST_RATE_LIMIT = (2, 3600)
    data = {"kind": "other", "name": "A", "email": "a@example.com", "details": "x"}
    url = f"/{language}/privacy-requests/"
    assert client.post(url, data, REMOTE_ADDR="10.1.1.1").status_code == 302
    assert client.post(url, data, REMOTE_ADDR="10.1.1.1").status_code == 302
    refused = client.post(url, data, REMOTE_ADDR="10.1.1.1")
    assert refused.status_code == 429
    assert expected in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert PrivacyRequest.objects.count() == 2
    # Another address is not held back by the first one.
    assert client.post(url, data, REMOTE_ADDR="10.2.2.2").status_code == 302


def test_a_failed_email_is_recorded_and_can_be_retried(
    client, request_pages, monkeypatch, django_capture_on_commit_callbacks
):
    def broken_send(self, fail_silently=False):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    response = client.post(
        "/en/privacy-requests/",
        {"kind": "other", "name": "A", "email": "a@example.com", "details": "x"},
    )
    assert response.status_code == 302  # the visitor is not shown a server error
    email = OutboxEmail.objects.get()
    assert email.delivery == OutboxEmail.Delivery.FAILED
    assert "smtp down" in email.last_error
    assert PrivacyRequest.objects.count() == 1  # stored before the email was tried

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        outbox.retry(OutboxEmail.objects.filter(pk=email.pk))
    email.refresh_from_db()
    assert email.delivery == OutboxEmail.Delivery.SENT
    assert email.attempts == 2
    assert mail.outbox[-1].to == ["a@example.com"]


def test_every_answer_of_the_form_is_private_and_never_stored(client, request_pages):
    data = {"kind": "other", "name": "A", "email": "a@example.com", "details": "x"}
    responses = {
        "form": client.get("/en/privacy-requests/"),
        "bad input": client.post("/en/privacy-requests/", {**data, "email": "no"}),
        "sent": client.post("/en/privacy-requests/", data),
        "honeypot": client.post("/en/privacy-requests/", {**data, "website": "spam"}),
        "check your email": client.get("/en/privacy-requests/sent/"),
    }
    for what, response in responses.items():
        assert "private" in response["Cache-Control"], what
        assert "no-store" in response["Cache-Control"], what
    assert 'name="robots" content="noindex"' in responses["check your email"].content.decode()
    assert 'content="noindex"' not in responses["form"].content.decode()
