"""An entry stored just before the database went away is answered as stored, and its emails
leave when the database returns (found by the fault suite, tests/production/test_faults.py: a
post committed, then the session's save and the email task's enqueue failed, and the sender
was shown the 503 page for an entry the studio had, so would have sent it again)."""

import io
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from creators.models import Entry
from home.outbox import OutboxEmail
from tests.creators.test_entry_form import entry_data
from tests.database_outage import PRODUCTION_TASKS, DatabaseGoneAfterCommit


# Transactional: the outage begins when the entry's transaction really commits.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_entry_committed_before_the_database_went_away_is_answered_as_stored(
    entry_page_ja, policy_version_ja, mailoutbox, settings
):
    settings.TASKS = PRODUCTION_TASKS  # enqueueing the emails writes to the database
    database = DatabaseGoneAfterCommit("creators_entry")
    visitor = Client(raise_request_exception=False)
    with connection.execute_wrapper(database):
        response = visitor.post("/ja/entry/", entry_data(policy_version_ja))

    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"] == "/ja/entry/thanks/"
    assert database.refused  # the emails' first attempt met the outage
    entry = Entry.objects.get()
    assert not Session.objects.exists()  # nothing of the visitor's was written after the commit
    thanks = visitor.get(response["Location"]).content.decode()
    assert "エントリー番号" in thanks and f">{entry.pk}<" in thanks

    # The emails were stored with the entry; the retry timer sends them once the database is back.
    emails = OutboxEmail.objects.pending()
    assert emails.count() == 2 and not mailoutbox
    emails.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("retry_emails", stdout=io.StringIO())
    call_command("run_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    assert len(mailoutbox) == 2 and ["hanako@example.com"] in [m.to for m in mailoutbox]
    assert set(OutboxEmail.objects.values_list("delivery", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_a_forged_or_foreign_receipt_cookie_shows_no_receipt(entry_page_ja, policy_version_ja):
    visitor = Client()
    visitor.post("/ja/entry/", entry_data(policy_version_ja))
    entry = Entry.objects.get()
    stranger = Client()
    stranger.cookies["creators_entry_receipt"] = str(entry.pk)  # unsigned: a guess
    assert "エントリー番号" not in stranger.get("/ja/entry/thanks/").content.decode()
    assert f">{entry.pk}<" in visitor.get("/ja/entry/thanks/").content.decode()
