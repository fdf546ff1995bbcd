"""An email that left while the database went away is recorded as sent once it returns, and never
sent again (found by the fault suite, tests/production/test_faults.py: the row stayed "sending",
and once its claim expired the retry timer would have sent the same email a second time)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.utils import OperationalError
from django.utils import timezone

from home import outbox
from home.outbox import OutboxEmail, deliver

pytestmark = pytest.mark.django_db


def stored():
    return OutboxEmail.objects.create(
        template="incidents/email/notice",
        to_address="hana@example.com",
        language="ja",
        subject="件名",
        body="本文",
        next_attempt_at=timezone.now() + outbox.CRON_GRACE,
    )


@pytest.fixture
def database_away_when_recording_sent(monkeypatch):
    """The first two attempts to record a send fail as a lost connection does; sleeps skipped."""
    attempts = []
    update = outbox.update_row

    def flaky(email_id, **changes):
        if changes.get("delivery") == OutboxEmail.Delivery.SENT and len(attempts) < 2:
            attempts.append(changes)
            raise OperationalError("server closed the connection unexpectedly")
        return update(email_id, **changes)

    monkeypatch.setattr(outbox, "update_row", flaky)
    monkeypatch.setattr(outbox.time, "sleep", lambda seconds: None)
    return attempts


def test_a_send_is_recorded_when_the_database_returns_and_never_repeated(
    database_away_when_recording_sent, mailoutbox
):
    email = stored()
    assert deliver(email.pk) == "sent"
    assert len(database_away_when_recording_sent) == 2  # it tried again until it could record it
    assert OutboxEmail.objects.get().delivery == OutboxEmail.Delivery.SENT
    later = timezone.now() + outbox.CLAIM_EXPIRES + timedelta(minutes=1)
    assert OutboxEmail.objects.due(later).count() == 0  # nothing for the timer to send again
    call_command("retry_emails", stdout=io.StringIO())
    assert deliver(email.pk) == "skipped"
    assert len(mailoutbox) == 1
