"""The privacy requests' own personal-data handler: requests and emails are personal data too.

Registered like any other app's handler, so a disclosure lists a person's earlier requests and the
emails sent to them, and a deletion anonymises them (see models.py for what stays and why).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.personal_data import PersonalDataHandler

from .models import PrivacyRequest, RequestEmail
from .retention import RULES as RETENTION_RULES

REQUEST_FIELDS = [
    "id",
    "kind",
    "status",
    "name",
    "email",
    "details",
    "language",
    "received_at",
    "confirmed_at",
    "due_at",
    "closed_at",
    "fee_status",
    "refusal_reason",
]
EMAIL_FIELDS = [
    "privacy_request_id",
    "purpose",
    "to_address",
    "language",
    "subject",
    "body",
    "delivery",
    "created_at",
    "sent_at",
]


def export_for_email(email):
    requests = PrivacyRequest.objects.for_email(email).order_by("received_at")
    emails = RequestEmail.objects.filter(
        privacy_request__in=requests,
        purpose__in=[RequestEmail.Purpose.CONFIRMATION, RequestEmail.Purpose.STATUS],
    )
    return {
        "privacy requests": list(requests.values(*REQUEST_FIELDS)),
        "privacy request emails": list(emails.values(*EMAIL_FIELDS)),
    }


def erase_for_email(email):
    """Anonymise every request of this email and forget the addresses of emails already sent.

    A message still queued keeps its address until it is sent (the last "done" notice); the sending
    task blanks it then, because the request is anonymised."""
    now = timezone.now()
    requests = list(PrivacyRequest.objects.for_email(email))
    for privacy_request in requests:
        privacy_request.anonymise(now)
        if privacy_request.is_active:  # nothing left to answer with: close it with the deletion
            privacy_request.status = PrivacyRequest.Status.DONE
            privacy_request.closed_at = now
        privacy_request.save()
    RequestEmail.objects.filter(privacy_request__in=requests).exclude(
        delivery=RequestEmail.Delivery.QUEUED
    ).exclude(purpose=RequestEmail.Purpose.NOTIFY_STUDIO).update(to_address="", body="")
    return len(requests)


def privacy_requests_personal_data():
    return PersonalDataHandler(
        name="privacy_requests",
        models=[PrivacyRequest, RequestEmail],
        description=_(
            "Privacy requests: the requester's name, email and details, and the emails we sent "
            "about them"
        ),
        purpose=_(
            "To answer requests for disclosure, correction, deletion and suspension of use "
            "(Articles 5 to 7)"
        ),
        retention=RETENTION_RULES,
        export=export_for_email,
        erase=erase_for_email,
        suspend=suspend_for_email,
    )


def suspend_for_email(email):
    """Requests are only answered, never used for anything else: there is nothing to stop."""
    return 0
