"""Emails after an entry: stored first, receipts that say what was agreed, failures kept and retried."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client

from creators.models import Entry
from home import outbox
from home.outbox import OutboxEmail
from tests.creators.test_entry_form import entry_data

pytestmark = pytest.mark.django_db


class BrokenBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


def test_studio_notification_and_receipt_go_out_in_the_creators_language(
    client, entry_page_ja, entry_page_en, policy_version_ja, mailoutbox, settings
):
    settings.STUDIO_NOTIFY_EMAIL = "studio@example.com"
    client.post("/en/entry/", entry_data(None, publish_expertise="on"))
    entry = Entry.objects.get()
    assert entry.language == "en" and entry.notified and entry.last_email_error == ""
    studio, receipt = mailoutbox
    assert studio.to == ["studio@example.com"]
    assert f"#{entry.pk}" in studio.subject
    # Contact details stay in the admin, for the Privacy officers group only.
    assert "hanako@example.com" not in studio.body and "090-1234-5678" not in studio.body
    assert receipt.to == ["hanako@example.com"]
    assert "consent receipt" in receipt.subject
    body = receipt.body
    assert "Dear 山田 花子," in body
    assert "Publish name or stage name" in body and "Publish areas of expertise" in body
    assert "Not to be published:\n- Publish past achievements" in body
    assert "http://testserver/en/privacy-requests/" in body
    assert "filmproduction@allhero.co.jp" in body


def test_the_receipt_names_the_policy_version_and_its_moment(
    client, entry_page_ja, policy_version_ja, mailoutbox
):
    client.post("/ja/entry/", entry_data(policy_version_ja))
    receipt = mailoutbox[-1]
    assert receipt.subject.startswith("ALLIN STUDIO: エントリー #")
    number = policy_version_ja.number
    assert f"第{number}版" in receipt.body
    assert f"http://testserver/ja/privacy-policy/versions/{number}/" in receipt.body
    from django.utils import formats, timezone, translation

    with translation.override("ja"):
        moment = formats.date_format(
            timezone.localtime(policy_version_ja.effective_at), "DATETIME_FORMAT"
        )
    assert moment in receipt.body
    assert "掲載に同意いただいた項目:\n- 氏名または活動名の掲載" in receipt.body
    assert "<" not in receipt.subject


def test_a_newer_policy_version_appears_on_later_receipts_only(
    client, entry_page_ja, policy_version_ja, policy_page_ja, mailoutbox
):
    from tests.creators.conftest import publish

    client.post("/ja/entry/", entry_data(policy_version_ja, email="first@example.com"))
    publish(policy_page_ja, summary_of_changes="第3条を改定")
    from policy.versions import version_in_force

    second = version_in_force("ja")
    assert second.number == policy_version_ja.number + 1
    client.post("/ja/entry/", entry_data(second, email="second@example.com"))
    first_receipt, second_receipt = [m for m in mailoutbox if m.to[0].endswith("@example.com")]
    assert f"versions/{policy_version_ja.number}/" in first_receipt.body
    assert f"versions/{second.number}/" in second_receipt.body
    first, latest = Entry.objects.order_by("pk")
    assert first.consents.get(what="policy").policy_version == policy_version_ja
    assert latest.consents.get(what="policy").policy_version == second


def test_a_failed_email_keeps_the_entry_and_the_retry_sends_it(
    client, entry_page_ja, policy_version_ja, settings, django_user_model
):
    settings.EMAIL_BACKEND = "tests.creators.test_emails.BrokenBackend"
    response = client.post("/ja/entry/", entry_data(policy_version_ja))
    assert response.status_code == 302  # the visitor still gets the receipt page
    entry = Entry.objects.get()
    assert not entry.notified
    assert "SMTP server down" in entry.last_email_error
    assert [e.attempts for e in entry.emails.all()] == [1, 1]

    officer = django_user_model.objects.create_user("o", "o@example.com", "pw")
    from django.contrib.auth.models import Group

    officer.groups.add(Group.objects.get(name="Privacy officers"))
    client.force_login(officer)
    listing = client.get("/admin/creators_entry/", {"notified": "false"})
    assert listing.status_code == 200
    assert "SMTP server down" in listing.content.decode()  # shown as not notified

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    confirm = client.get(f"/admin/creators_entry/retry/{entry.pk}/")
    assert confirm.status_code == 200 and "SMTP server down" in confirm.content.decode()
    client.post(f"/admin/creators_entry/retry/{entry.pk}/")
    assert entry.notified and entry.last_email_error == ""
    assert [e.attempts for e in entry.emails.all()] == [2, 2]
    assert {m.to[0] for m in mail.outbox} == {"hanako@example.com", settings.STUDIO_NOTIFY_EMAIL}
    # Sent once: a second retry sends nothing more.
    client.post("/admin/creators_entry/retry/")
    assert len(mail.outbox) == 2


def test_a_half_sent_entry_retries_only_what_is_missing(
    client, entry_page_ja, policy_version_ja, django_capture_on_commit_callbacks
):
    client.post("/ja/entry/", entry_data(policy_version_ja))
    entry = Entry.objects.get()
    receipt = entry.emails.get(template="creators/email/receipt")
    OutboxEmail.objects.filter(pk=receipt.pk).update(delivery=OutboxEmail.Delivery.FAILED)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        outbox.retry(entry.emails.all())
    assert [m.to for m in mail.outbox] == [["hanako@example.com"]]


def test_the_emails_leave_only_after_the_entry_is_committed(
    entry_page_ja, policy_version_ja, mailoutbox, django_capture_on_commit_callbacks
):
    """Stored first: when the entry's transaction commits, the entry, its consents and both
    emails are stored and nothing has been sent; the sending is what runs on commit.
    (A plain client: the project's test client would run the commit callbacks itself.)"""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Client().post("/ja/entry/", entry_data(policy_version_ja))
    entry = Entry.objects.get()
    assert entry.consents.count() == 4
    assert entry.emails.filter(delivery=OutboxEmail.Delivery.QUEUED).count() == 2
    assert mailoutbox == [] and callbacks, "an email left before the entry was committed"
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 2 and entry.notified
