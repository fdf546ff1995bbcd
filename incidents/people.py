"""Finding the people an incident affected (through the personal-data registry, by email) and
telling each of them, in their language. Each notice is stored before it is sent, so a failed
one is visible and sent again; the audit log records counts, never addresses."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.log_actions import log

from home.personal_data import personal_data_handlers

from .models import AffectedPerson

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def records_held(email):
    """({"handler: table": rows}, language) for what the registry holds on `email`."""
    counts, language = {}, None
    for handler in personal_data_handlers():
        for table, rows in (handler.export(email) or {}).items():
            if rows:
                counts[f"{handler.name}: {table}"] = len(rows)
                language = language or next(
                    (row["language"] for row in rows if row.get("language") in LANGUAGES), None
                )
    return counts, language or settings.LANGUAGE_CODE


def add_people(incident, emails, user):
    """Look each address up; add the ones the registry knows. Returns (added, not found)."""
    added, unknown = 0, 0
    for email in {e.strip().lower() for e in emails if e.strip()}:
        counts, language = records_held(email)
        if not counts:
            unknown += 1
            continue
        try:
            with transaction.atomic():
                AffectedPerson.objects.create(
                    incident=incident, email=email, language=language, records=counts
                )
        except IntegrityError:
            continue  # already listed
        added += 1
    log(incident, "incidents.people_added", user=user, data={"added": added, "unknown": unknown})
    return added, unknown


def compose(person):
    with translation.override(person.language):
        context = {"incident": person.incident, "person": person}
        subject = render_to_string("incidents/email/notice_subject.txt", context).strip()
        body = render_to_string("incidents/email/notice.txt", context)
    return subject, body


def send_notices(incident, user):
    """Store every notice not yet sent, then send them; returns (sent, failed)."""
    people = list(incident.people.filter(notice_sent_at__isnull=True).exclude(email=""))
    for person in people:
        if not person.notice_body:
            person.notice_subject, person.notice_body = compose(person)
            person.save(update_fields=["notice_subject", "notice_body"])
    sent = failed = 0
    for person in people:
        try:
            send_mail(
                person.notice_subject, person.notice_body, None, [person.email], fail_silently=False
            )
        except Exception as error:  # noqa: BLE001 (any delivery failure is recorded and retried)
            person.notice_error = f"{type(error).__name__}: {error}"[:1000]
            person.save(update_fields=["notice_error"])
            failed += 1
        else:
            person.notice_sent_at, person.notice_error = timezone.now(), ""
            person.save(update_fields=["notice_sent_at", "notice_error"])
            sent += 1
    log(incident, "incidents.notices_sent", user=user, data={"sent": sent, "failed": failed})
    return sent, failed
