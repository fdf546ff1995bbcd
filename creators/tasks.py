"""Emails about an entry, sent in the background after the entry is safely stored.

The task is idempotent: it sends only what has not gone out yet, so the admin's retry action can
enqueue it again at any time. Every failure is written on the entry, never lost in a log.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import Entry
from .receipt import receipt_context

logger = logging.getLogger(__name__)


def _render(template, context):
    subject = render_to_string(f"creators/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"creators/email/{template}.txt", context)
    return " ".join(subject.split()), body


def send_studio_notification(entry, context):
    # The studio reads Japanese; the entry's own language is stated inside.
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _render("studio_notification", context)
    send_mail(subject, body, None, [settings.STUDIO_NOTIFY_EMAIL])


def send_receipt(entry, context):
    with translation.override(entry.language):
        subject, body = _render("receipt", context)
    send_mail(subject, body, None, [entry.email])


@task()
def send_entry_emails(entry_id):
    entry = Entry.objects.filter(pk=entry_id).first()
    if entry is None or entry.suspended:
        return "skipped"  # erased or "do not contact" since it was queued
    Entry.objects.filter(pk=entry_id).update(notify_attempts=F("notify_attempts") + 1)
    context = receipt_context(entry)
    errors = []
    steps = [
        ("studio_notified_at", send_studio_notification),
        ("receipt_sent_at", send_receipt),
    ]
    for field_name, send in steps:
        if getattr(entry, field_name):
            continue
        try:
            send(entry, context)
        except Exception as error:  # any backend failure: record it, keep the entry
            logger.warning("Entry %s: %s failed: %r", entry_id, send.__name__, error)
            errors.append(f"{send.__name__}: {error!r}"[:500])
        else:
            Entry.objects.filter(pk=entry_id).update(**{field_name: timezone.now()})
    Entry.objects.filter(pk=entry_id).update(notify_error="\n".join(errors))
    return "failed" if errors else "sent"


def retry_notifications(entries):
    """Enqueue the emails again for entries that are not fully notified; returns how many."""
    count = 0
    for entry in entries:
        if not entry.notified and not entry.suspended:
            send_entry_emails.enqueue(entry.pk)
            count += 1
    return count
