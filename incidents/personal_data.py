"""The incident register holds the addresses of the people affected: it answers privacy requests
like every other holder, and forgets the addresses three years after the incident is closed."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.outbox import OutboxEmail, blank
from home.personal_data import PersonalDataHandler, RetentionRule, japan_iso

from .models import AffectedPerson


def _people(email):
    return AffectedPerson.objects.filter(email__iexact=email)


def export_for_email(email):
    return {
        "incident notices": [
            {
                "incident": person.incident_id,
                "found_at": japan_iso(person.incident.found_at),
                "what_happened": person.incident.what_happened,
                "language": person.language,
                "records": person.records,
            }
            for person in _people(email).select_related("incident")
        ]
    }


def anonymise(people):
    """The incident keeps how many people it touched; the addresses and notices go."""
    blank(OutboxEmail.objects.filter(affected_person__in=people))
    return people.update(email="", anonymised_at=timezone.now())


def erase_for_email(email):
    return anonymise(_people(email))


def suspend_for_email(email):
    """The notice is owed by law; the address is used for nothing else: nothing to stop."""
    return 0


RETENTION = [
    RetentionRule(
        name="incidents_closed",
        description=_(
            "People affected by an incident: address and notice erased %(days)s days after "
            "the incident is closed."
        ),
        due=lambda cutoff: AffectedPerson.objects.filter(
            incident__closed_at__lt=cutoff, anonymised_at__isnull=True
        ),
        apply=anonymise,
    )
]


def incidents_personal_data():
    return PersonalDataHandler(
        name="incidents",
        models=[AffectedPerson],
        description=_("People affected by a personal-data incident: email, language, the notice"),
        purpose=_("To tell the people affected by an incident, as the law requires (APPI Art. 26)"),
        retention=RETENTION,
        export=export_for_email,
        erase=erase_for_email,
        suspend=suspend_for_email,
    )
