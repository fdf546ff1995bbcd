"""The cron commands: retry failed emails, purge requests nobody confirmed."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from privacy_requests.models import PrivacyRequest, RequestEmail

pytestmark = pytest.mark.django_db


def test_failed_emails_are_retried(mailoutbox):
    privacy_request = PrivacyRequest.objects.create(kind="other", name="A", email="a@example.com")
    failed = RequestEmail.objects.create(
        privacy_request=privacy_request,
        purpose=RequestEmail.Purpose.STATUS,
        to_address="a@example.com",
        language="en",
        subject="Again",
        body="b",
        delivery=RequestEmail.Delivery.FAILED,
    )
    out = io.StringIO()
    call_command("retry_privacy_request_emails", stdout=out)
    failed.refresh_from_db()
    assert failed.delivery == RequestEmail.Delivery.SENT
    assert [m.subject for m in mailoutbox] == ["Again"]
    assert "Retried 1 email(s); 0 still failing." in out.getvalue()


def test_only_old_unconfirmed_requests_are_purged():
    old = timezone.now() - timedelta(days=31)
    stale = PrivacyRequest.objects.create(kind="other", email="s@example.com", received_at=old)
    fresh = PrivacyRequest.objects.create(kind="other", email="f@example.com")
    confirmed = PrivacyRequest(kind="other", email="c@example.com", received_at=old)
    confirmed.confirm(old)
    confirmed.save()
    call_command("purge_unconfirmed_privacy_requests", stdout=io.StringIO())
    remaining = set(PrivacyRequest.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, confirmed.pk}
    assert stale.pk not in remaining
