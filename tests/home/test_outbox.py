"""The outbox: stored first, sent once, retried with back-off by the cron command, given up
visibly, erased with the person, and never an address in a log line."""

import io
import logging
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from home import outbox
from home.outbox import MAX_ATTEMPTS, OutboxEmail, backoff, deliver
from home.outbox_personal_data import outbox_personal_data
from tests.home.smtp import refusing_smtp_server

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 12, 1, 9, 0))
ADDRESS = "refused.person@example.com"


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def stored(to="hana@example.com"):
    """A row as `queue` stores it, without enqueueing (the tests drive delivery themselves)."""
    return OutboxEmail.objects.create(
        template="incidents/email/notice",
        to_address=to,
        language="ja",
        subject="件名",
        body="本文",
        created_at=timezone.now(),
        next_attempt_at=timezone.now() + outbox.CRON_GRACE,
    )


def retry_emails(*args):
    out = io.StringIO()
    call_command("retry_emails", *args, stdout=out)
    return out.getvalue()


def test_queue_renders_in_the_recipients_language_and_sends_after_commit(
    mailoutbox, django_capture_on_commit_callbacks
):
    from tests.incidents.test_incidents import Incident

    incident = Incident.objects.create(found_at=timezone.now(), what_happened="A laptop was lost.")
    with django_capture_on_commit_callbacks() as callbacks:
        email = outbox.queue(
            "incidents/email/notice", {"incident": incident}, to="ken@example.com", language="en"
        )
    assert email.delivery == OutboxEmail.Delivery.QUEUED and "incident" in email.subject
    assert mailoutbox == []  # nothing before the commit
    callbacks[0]()
    email.refresh_from_db()
    assert email.delivery == OutboxEmail.Delivery.SENT and email.attempts == 1
    assert [m.to for m in mailoutbox] == [["ken@example.com"]]


def test_a_row_is_sent_once_however_often_it_is_asked_for(mailoutbox):
    email = stored()
    assert deliver(email.pk) == "sent"
    assert deliver(email.pk) == "skipped"
    call_command("retry_emails", stdout=io.StringIO())
    with django_capture(execute=True):
        outbox.retry(OutboxEmail.objects.all())
    assert len(mailoutbox) == 1


def django_capture(execute):
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=execute)


def test_a_row_being_sent_by_another_worker_is_not_sent_again(mailoutbox):
    email = stored()
    OutboxEmail.objects.filter(pk=email.pk).update(
        delivery=OutboxEmail.Delivery.SENDING, next_attempt_at=timezone.now() + timedelta(minutes=5)
    )
    assert deliver(email.pk) == "skipped" and mailoutbox == []
    # A worker that died while sending: its claim expires and the row is due again.
    with time_machine.travel(timezone.now() + outbox.CLAIM_EXPIRES + timedelta(minutes=1)):
        assert "1 email(s) due and queued: 1 sent so far" in retry_emails()
    assert len(mailoutbox) == 1


def test_failures_back_off_then_wait_for_an_officer(settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.home.test_outbox.BrokenBackend"
    with time_machine.travel(START, tick=False):
        email = stored()
        assert deliver(email.pk) == "failed"
    email.refresh_from_db()
    assert email.delivery == OutboxEmail.Delivery.FAILED and email.attempts == 1
    assert email.next_attempt_at == START + timedelta(minutes=1)
    assert "SMTP down" in email.last_error
    moment = START
    for attempt in range(2, MAX_ATTEMPTS + 1):
        with time_machine.travel(moment + backoff(attempt - 1) - timedelta(seconds=1)):
            assert retry_emails().startswith("0 email(s) due")  # not before its time
        moment += backoff(attempt - 1)
        with time_machine.travel(moment, tick=False):
            assert "1 failed again" in retry_emails()
    email.refresh_from_db()
    assert email.attempts == MAX_ATTEMPTS and email.gave_up
    assert backoff(MAX_ATTEMPTS) == timedelta(hours=6)  # the longest wait
    with time_machine.travel(moment + timedelta(days=2)):
        assert retry_emails().startswith("0 email(s) due")  # given up: no more automatic tries
        assert list(OutboxEmail.objects.backlog()) == [email]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture(execute=True):
        outbox.retry(OutboxEmail.objects.backlog())  # the officer's button
    email.refresh_from_db()
    assert email.delivery == OutboxEmail.Delivery.SENT and len(mailoutbox) == 1


def test_the_command_says_queued_when_a_worker_will_send(settings, mailoutbox):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    stored()
    with time_machine.travel(timezone.now() + outbox.CRON_GRACE + timedelta(seconds=1)):
        assert retry_emails("--dry-run") == "1 email(s) due; nothing queued (dry run).\n"
        report = retry_emails()
    assert "1 email(s) due and queued: 0 sent so far, 0 failed again, 1 waiting" in report
    assert mailoutbox == []


def test_the_officers_dashboard_shows_the_backlog(client, settings, django_user_model):
    from django.contrib.auth.models import Group

    settings.EMAIL_BACKEND = "tests.home.test_outbox.BrokenBackend"
    email = stored()
    deliver(email.pk)
    officer = django_user_model.objects.create_user("officer", password="pw")
    officer.groups.add(Group.objects.get(name="Privacy officers"))
    client.force_login(officer)
    html = client.get("/admin/").content.decode()
    assert 'id="email-backlog-heading"' in html and "件名" in html and "SMTP down" in html
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert 'id="email-backlog-heading"' not in client.get("/admin/").content.decode()


@pytest.fixture
def site_log():
    """What the site's configured log handler writes (settings.LOGGING, masking filter on)."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_a_refused_recipient_is_recorded_and_erased_without_an_address_in_any_log(
    settings, site_log
):
    """A real SMTP server that refuses the recipient: the failure is kept (masked), no log line
    carries the address, and the person's erasure blanks the failed row and its error."""
    with refusing_smtp_server(ADDRESS) as port:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
        email = stored(to=ADDRESS)
        assert deliver(email.pk) == "failed"
    email.refresh_from_db()
    assert "SMTPRecipientsRefused" in email.last_error and "550" in email.last_error
    assert ADDRESS not in email.last_error and "[email]" in email.last_error
    assert f"Outbox email {email.pk}" in site_log.getvalue()  # the failure is logged
    assert ADDRESS not in site_log.getvalue()

    assert outbox_personal_data().erase(ADDRESS) == 1
    email.refresh_from_db()
    assert (email.to_address, email.body, email.last_error) == ("", "", "")
    assert deliver(email.pk) == "skipped"  # an erased row is never sent


def test_no_log_line_carries_an_address_or_a_link_token(site_log):
    """Other code's lines too: Django's 404 warning quotes the path of a confirmation link."""
    token = "MTI6YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODk6MXRhYmNk"
    logging.getLogger("django.request").warning(
        "Not Found: /ja/privacy-requests/confirm/%s/", token
    )
    try:
        raise ValueError(f"bad address {ADDRESS}")
    except ValueError:
        logging.getLogger("smtplib.test").exception("sending to %s failed", ADDRESS)
    written = site_log.getvalue()
    assert "/confirm/[token]/" in written and "[email]" in written
    assert token not in written and ADDRESS not in written
