"""The privacy requests' lines of the retention schedule (home.personal_data.RetentionRule).

A closed request is anonymised a year after it closed, as a deletion request leaves it: the kind,
dates, outcome and the keyed hash of the address stay, so the studio can still say what it did.
The emails about a request follow the outbox's own rule (home.outbox_personal_data).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.personal_data import RetentionRule

from .models import PrivacyRequest


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
            "outcome stay); unconfirmed ones are deleted after 30 days."
        ),
        due=lambda cutoff: PrivacyRequest.objects.filter(
            status__in=PrivacyRequest.CLOSED_STATUSES,
            closed_at__lt=cutoff,
            anonymised_at__isnull=True,
        ),
        apply=anonymise_requests,
    ),
]
