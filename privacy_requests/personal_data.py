"""The privacy requests' own personal-data handler: requests are personal data too.

Registered like any other app's handler, so a disclosure lists a person's earlier requests and the
emails sent to them, and a deletion anonymises them (see models.py for what stays and why).
"""

from datetime import datetime

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from home import outbox
from home.outbox import OutboxEmail
from home.outbox_personal_data import HANDLER_NAME as OUTBOX_HANDLER
from home.outbox_personal_data import describe_emails
from home.personal_data import (
    PersonalDataHandler,
    Section,
    describe,
    human_value,
    japan_iso,
    personal_data_handlers,
)

from .models.requests import PrivacyRequest
from .retention import RULES as RETENTION_RULES

OWN_HANDLER = "privacy_requests"

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


def export_for_email(email):
    """The requests; the emails sent about them are exported by the outbox's own handler."""
    requests = PrivacyRequest.objects.for_email(email).order_by("received_at")
    return {"privacy requests": _in_japan_time(requests.values(*REQUEST_FIELDS))}


def _in_japan_time(rows):
    return [
        {
            key: japan_iso(value) if isinstance(value, datetime) else value
            for key, value in row.items()
        }
        for row in rows
    ]


def describe_requests(email, exclude=None):
    """The person's requests in words (`exclude`: the request being answered)."""
    requests = PrivacyRequest.objects.for_email(email).order_by("received_at")
    if exclude is not None:
        requests = requests.exclude(pk=exclude)
    field = PrivacyRequest._meta.get_field

    def label(name):
        return capfirst(str(field(name).verbose_name))

    records = [
        [
            ("number", _("Request number"), str(r.pk)),
            ("kind", label("kind"), r.get_kind_display()),
            ("status", label("status"), r.get_status_display()),
            ("name", label("name"), human_value(r.name)),
            ("email", label("email"), human_value(r.email)),
            ("details", label("details"), human_value(r.details)),
            ("received_at", label("received_at"), human_value(r.received_at)),
            ("closed_at", label("closed_at"), human_value(r.closed_at)),
            ("refusal_reason", label("refusal_reason"), human_value(r.refusal_reason)),
        ]
        for r in requests
    ]
    purpose = _("To answer your requests about your personal data and keep a record of them.")
    return [Section("privacy_requests", _("Your earlier privacy requests"), purpose, records)]


def erase_for_email(email):
    """Anonymise every request of this email and forget the emails about them.

    A message still to be sent (the last "done" notice, queued just before this runs) keeps its
    address until it is sent or given up; the outbox blanks it then."""
    now = timezone.now()
    requests = list(PrivacyRequest.objects.for_email(email))
    for privacy_request in requests:
        privacy_request.anonymise(now)
        if privacy_request.is_active:  # nothing left to answer with: close it with the deletion
            privacy_request.status = PrivacyRequest.Status.DONE
            privacy_request.closed_at = now
        privacy_request.save()
    outbox.forget_after_sending(OutboxEmail.objects.about(requests))
    return len(requests)


def privacy_requests_personal_data():
    return PersonalDataHandler(
        name=OWN_HANDLER,
        describe=describe_requests,
        models=[PrivacyRequest],
        description=_("Privacy requests: the requester's name, email and details"),
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


def sections_for(privacy_request):
    """Every data holder's records of this person; this request itself is not "data found"."""
    sections = []
    for handler in personal_data_handlers():
        if handler.name == OWN_HANDLER:
            sections += describe_requests(privacy_request.email, exclude=privacy_request.pk)
        elif handler.name == OUTBOX_HANDLER:  # this request's own emails are part of it
            sections += describe_emails(privacy_request.email, exclude_about=privacy_request)
        else:
            sections += describe(handler, privacy_request.email)
    return [section for section in sections if section.records]
