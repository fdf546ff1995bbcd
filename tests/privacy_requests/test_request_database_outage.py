"""A privacy request stored just before the database went away is answered as stored, and its
confirmation link leaves when the database returns (as an entry does,
tests/creators/test_entry_database_outage.py): the link's nonce and its email were written after
the request's commit, so the requester was shown the 503 page for a request the studio had, and
no link ever came (they would have sent it again)."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from home.outbox import OutboxEmail
from privacy_requests.models import PrivacyRequest
from tests.database_outage import PRODUCTION_TASKS, DatabaseGoneAfterCommit


# Transactional: the outage begins when the request's transaction really commits.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_request_committed_before_the_database_went_away_is_answered_as_stored(
    request_pages, mailoutbox, settings
):
    settings.TASKS = PRODUCTION_TASKS  # enqueueing the email writes to the database
    database = DatabaseGoneAfterCommit("privacy_requests_privacyrequest")
    visitor = Client(raise_request_exception=False)
    data = {"kind": "deletion", "name": "山田 太郎", "email": "taro@example.com", "details": "削除"}
    with connection.execute_wrapper(database):
        response = visitor.post("/ja/privacy-requests/", data)

    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"] == "/ja/privacy-requests/sent/"
    assert database.refused  # the email's first attempt met the outage
    stored = PrivacyRequest.objects.get()
    assert stored.status == PrivacyRequest.Status.UNCONFIRMED and stored.confirmation_nonce

    # The link was stored with the request; the retry timer sends it once the database is back.
    email = OutboxEmail.objects.pending().get()
    assert email.about == stored and not mailoutbox
    OutboxEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("retry_emails", stdout=io.StringIO())
    call_command("run_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    assert [m.to for m in mailoutbox] == [["taro@example.com"]]
    assert OutboxEmail.objects.get().delivery == OutboxEmail.Delivery.SENT

    # The link works: it names the nonce stored with the request.
    link = re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", mailoutbox[0].body).group(1)
    assert visitor.post(link).status_code == 200
    stored.refresh_from_db()
    assert stored.is_confirmed
