"""The creators app's lines of the retention schedule (home.personal_data.RetentionRule).

An entry never turned into a creator is erased a while after it was sent, a declined one sooner;
its consent records stay as evidence without the person (as an erasure request leaves them).
An introduction record is deleted when its legal period (three years) is over.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.personal_data import RetentionRule

from .cache import bump_state
from .models import Consent, Entry, ThirdPartyProvision


@transaction.atomic
def erase_entries(entries):
    pks = list(entries.values_list("pk", flat=True))
    if not pks:
        return 0
    Consent.objects.filter(entry__in=pks)._update_for_erasure(
        entry=None, note="", anonymised_at=timezone.now()
    )
    _, deleted = Entry.objects.filter(pk__in=pks).delete()  # and their emails (home.outbox)
    bump_state()
    return deleted.get(Entry._meta.label, 0)


def expire_provisions(provisions):
    count, _ = provisions._expire()
    return count


RULES = [
    RetentionRule(
        name="entries_not_converted",
        description=_("Entries that did not lead to working together: erased after %(days)s days."),
        due=lambda cutoff: Entry.objects.filter(
            creator__isnull=True, declined_at__isnull=True, submitted_at__lt=cutoff
        ),
        apply=erase_entries,
    ),
    RetentionRule(
        name="entries_declined",
        description=_("Entries the studio declined: erased %(days)s days after the decision."),
        due=lambda cutoff: Entry.objects.filter(creator__isnull=True, declined_at__lt=cutoff),
        apply=erase_entries,
    ),
    RetentionRule(
        name="third_party_provisions",
        description=_(
            "Records of introductions to clients: kept %(days)s days from the introduction "
            "(the legal period), then deleted."
        ),
        due=lambda cutoff: ThirdPartyProvision.objects.filter(provided_on__lt=cutoff.date()),
        apply=expire_provisions,
    ),
]
