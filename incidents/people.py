"""Finding the people an incident affected (through the personal-data registry, by email) and
telling each of them, in their language, through the outbox (home.outbox): stored before it is
sent, retried by itself, sent once; the audit log records counts, never addresses."""

from django.conf import settings
from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from home import outbox
from home.outbox import OutboxEmail
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


@transaction.atomic
def send_notices(incident, user):
    """Queue a notice for every person who has none and send the unsent ones again now;
    returns (queued, retried). The outbox stores each notice in the person's language and
    sends it after the commit, once, retrying by itself; the screen shows each delivery."""
    people = incident.people.exclude(email="")
    retried = outbox.retry(OutboxEmail.objects.filter(affected_person__in=people))
    queued = 0
    for person in people.filter(notices__isnull=True):
        outbox.queue(
            "incidents/email/notice",
            {"incident": incident, "person": person},
            to=person.email,
            language=person.language,
            about=person,
        )
        queued += 1
    log(incident, "incidents.notices_sent", user=user, data={"queued": queued, "retried": retried})
    return queued, retried
