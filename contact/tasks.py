"""Emails about an inquiry, sent in the background after it is stored: the studio is told,
the sender gets a receipt. Idempotent (sends only what has not gone out) so a retry is safe;
every failure is written on the inquiry."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import Inquiry
from .receipt import receipt_context

logger = logging.getLogger(__name__)


def _render(template, context):
    subject = render_to_string(f"contact/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"contact/email/{template}.txt", context)
    return " ".join(subject.split()), body


def send_studio_notification(inquiry, context):
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _render("studio_notification", context)
    send_mail(subject, body, None, [settings.STUDIO_NOTIFY_EMAIL])


def send_receipt(inquiry, context):
    with translation.override(inquiry.language):
        subject, body = _render("receipt", context)
    send_mail(subject, body, None, [inquiry.email])


@task()
def send_inquiry_emails(inquiry_id):
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None or inquiry.suspended:
        return "skipped"
    Inquiry.objects.filter(pk=inquiry_id).update(notify_attempts=F("notify_attempts") + 1)
    context = receipt_context(inquiry)
    errors = []
    for field_name, send in [
        ("studio_notified_at", send_studio_notification),
        ("receipt_sent_at", send_receipt),
    ]:
        if getattr(inquiry, field_name):
            continue
        try:
            send(inquiry, context)
        except Exception as error:  # any backend failure: record it, keep the inquiry
            logger.warning("Inquiry %s: %s failed: %r", inquiry_id, send.__name__, error)
            errors.append(f"{send.__name__}: {error!r}"[:500])
        else:
            Inquiry.objects.filter(pk=inquiry_id).update(**{field_name: timezone.now()})
    Inquiry.objects.filter(pk=inquiry_id).update(notify_error="\n".join(errors))
    return "failed" if errors else "sent"
