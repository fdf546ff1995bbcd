"""Recording an introduction of a creator to a client (the model checks the consent in force)."""

from django.db import transaction
from django.utils import timezone

from .choices import INTRODUCE_ONCE
from .consent import record_admin_consent
from .models import ThirdPartyProvision, introduction_consent_in_force


@transaction.atomic
def record_introduction(creator, user, *, consent_for_this_one=False, language_code=None, **fields):
    """Store the record. With `consent_for_this_one`, the creator's written consent to this one
    introduction is recorded first (as evidence, like every consent); otherwise the standing
    consent in force is relied on, and without one the model refuses the record."""
    if consent_for_this_one:
        consent = record_admin_consent(
            creator,
            INTRODUCE_ONCE,
            True,
            language_code or creator.language,
            user=user,
            note=f"introduction to {fields.get('recipient', '')}"[:300],
        )
    else:
        consent = introduction_consent_in_force(creator, at=timezone.now())
    provision = ThirdPartyProvision(creator=creator, consent=consent, recorded_by=user, **fields)
    provision.save()
    return provision
