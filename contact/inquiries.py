"""Storing an inquiry with its consent evidence, and the limits on who may send one."""

from django.db import transaction
from django.utils import timezone

from home import outbox, ratelimit
from home.personal_data import email_is_suspended

from .forms import wording_hash
from .models import Inquiry
from .receipt import receipt_context

DEFAULT_LIMIT = (5, 3600)


def register_attempt(request):
    return ratelimit.check(request, "contact:inquiry", "CONTACT_RATE_LIMIT", DEFAULT_LIMIT)


@transaction.atomic
def store_inquiry(form):
    """Save the inquiry exactly as sent with its emails; they leave after the commit.

    An address under a suspension request is answered like any other (nobody learns of the
    request) and stored "do not contact": the officer sees the flag, and no email goes out."""
    data = form.cleaned_data
    now = timezone.now()
    inquiry = Inquiry.objects.create(
        **{
            name: data[name]
            for name in ("company", "name", "email", "phone", "project_kind", "budget", "message")
        },
        language=form.language_code,
        submitted_at=now,
        consent_at=now,
        consent_wording_sha256=wording_hash(form.wording),
        policy_version=form.policy_version,
        suspended=email_is_suspended(data["email"]),
    )
    outbox.queue_pair(
        "contact/email",
        receipt_context(inquiry),
        to=inquiry.email,
        language=inquiry.language,
        about=inquiry,
    )
    return inquiry
