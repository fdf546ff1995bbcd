"""The privacy requests' lines of the retention schedule (home.personal_data.RetentionRule).

A closed request is anonymised a year after it closed, as a deletion request leaves it: the kind,
dates, outcome and the keyed hash of the address stay, so the studio can still say what it did.
A request nobody confirmed is deleted, with its emails, a month after it was sent: nobody proved
the name, address and details were theirs.
The emails about a request follow the outbox's own rule (home.outbox_personal_data).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.personal_data import RetentionRule

from .models.requests import PrivacyRequest


def unconfirmed_requests(cutoff):
    return PrivacyRequest.objects.filter(
        status=PrivacyRequest.Status.UNCONFIRMED, received_at__lt=cutoff
    )


def delete_requests(requests):
    """Delete the requests and their emails; returns how many requests (not rows) went."""
    _count, deleted = requests.delete()
    return deleted.get(PrivacyRequest._meta.label, 0)


def anonymise_requests(requests):
    now = timezone.now()
    count = 0
    for privacy_request in requests:
        privacy_request.anonymise(now)
        privacy_request.save()
        count += 1
    return count


RULES = [
    RetentionRule(
        name="privacy_requests_closed",
        description=_(
            "Privacy requests: anonymised %(days)s days after they are closed (kind, dates and "
            "outcome stay)."
        ),
        due=lambda cutoff: PrivacyRequest.objects.filter(
            status__in=PrivacyRequest.CLOSED_STATUSES,
            closed_at__lt=cutoff,
            anonymised_at__isnull=True,
        ),
        apply=anonymise_requests,
    ),
    RetentionRule(
        name="privacy_requests_unconfirmed",
        description=_(
            "Privacy requests nobody confirmed: deleted %(days)s days after they arrive."
        ),
        due=unconfirmed_requests,
        apply=delete_requests,
    ),
]
