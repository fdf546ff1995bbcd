"""The creators app's answer to privacy requests (Articles 5-7), registered in wagtail_hooks.

export: everything held for an email address; erase: delete the person's records and keep only
consent evidence without personal links; suspend: stop every use at once (nothing published,
nobody contacted, the entry form refuses the address).
"""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .cache import bump_state
from .choices import INTRODUCE, PUBLISHING_CONSENTS
from .consent import consent_states, record_admin_consent
from .models import PERSONAL_FIELDS, Consent, Creator, CreatorPage, Entry, ThirdPartyProvision

PERSONAL = [*PERSONAL_FIELDS, "suspended"]


def _records(email):
    creators = list(Creator.objects.filter(email__iexact=email))
    entries = list(
        Entry.objects.filter(Q(email__iexact=email) | Q(creator__in=creators)).distinct()
    )
    consents = Consent.objects.filter(Q(creator__in=creators) | Q(entry__in=entries))
    return creators, entries, consents


def _consent_row(consent):
    version = consent.policy_version
    return {
        "id": consent.pk,
        "creator": consent.creator_id,
        "entry": consent.entry_id,
        "what": consent.what,
        "given": consent.given,
        "at": consent.at.isoformat(),
        "how": consent.how,
        "language": consent.language,
        "wording_sha256": consent.wording_sha256,
        "policy_version": version.number if version else None,
        "policy_version_effective_at": version.effective_at.isoformat() if version else None,
    }


def _provision_row(provision):
    return {
        "id": provision.pk,
        "creator": provision.creator_id,
        "person": provision.person_name,
        "provided_on": provision.provided_on.isoformat(),
        "recipient": provision.recipient,
        "recipient_address": provision.recipient_address,
        "items": provision.items,
        "consent": provision.consent_id,
        "recorded_at": provision.recorded_at.isoformat(),
    }


def export_for_email(email):
    creators, entries, consents = _records(email)
    return {
        "creators": [
            {
                "id": c.pk,
                **{f: getattr(c, f) for f in PERSONAL},
                "created_at": c.created_at.isoformat(),
            }
            for c in creators
        ],
        "creator_entries": [
            {
                "id": e.pk,
                "creator": e.creator_id,
                **{f: getattr(e, f) for f in PERSONAL},
                "message": e.message,
                "submitted_at": e.submitted_at.isoformat(),
                "studio_notified_at": e.studio_notified_at and e.studio_notified_at.isoformat(),
                "receipt_sent_at": e.receipt_sent_at and e.receipt_sent_at.isoformat(),
            }
            for e in entries
        ],
        "creator_consents": [
            _consent_row(c) for c in consents.select_related("policy_version").order_by("at", "pk")
        ],
        "creator_pages": [
            {"id": p.pk, "url": p.full_url, "live": p.live}
            for p in CreatorPage.objects.filter(creator__in=creators)
        ],
        # APPI Art. 33(5): the records of every provision of this person's data to a third party.
        "third_party_provisions": [
            _provision_row(p) for p in ThirdPartyProvision.objects.filter(creator__in=creators)
        ],
    }


@transaction.atomic
def erase_for_email(email):
    creators, entries, consents = _records(email)
    pages = list(CreatorPage.objects.filter(creator__in=creators))
    for page in pages:
        page.delete()  # removes its revisions and its search index entry too
    now = timezone.now()
    anonymised = consents._update_for_erasure(creator=None, entry=None, note="", anonymised_at=now)
    # Provision records stay for their legal period (APPI Art. 29), without the identity.
    anonymised += ThirdPartyProvision.objects.filter(creator__in=creators)._update_for_erasure(
        creator=None, person_name="", anonymised_at=now
    )
    Entry.objects.filter(pk__in=[e.pk for e in entries]).delete()
    Creator.objects.filter(pk__in=[c.pk for c in creators]).delete()
    bump_state()
    return len(creators) + len(entries) + len(pages) + anonymised


@transaction.atomic
def suspend_for_email(email):
    creators, entries, _consents = _records(email)
    for creator in creators:
        withdrawn = list(PUBLISHING_CONSENTS)
        if consent_states([creator.pk])[creator.pk].get(INTRODUCE):
            withdrawn.append(INTRODUCE)  # no more introductions to clients either
        for what in withdrawn:
            record_admin_consent(
                creator, what, False, creator.language, user=None, note="suspension"
            )
        for page in CreatorPage.objects.filter(creator=creator).live():
            page.unpublish()
    Creator.objects.filter(pk__in=[c.pk for c in creators]).update(suspended=True)
    Entry.objects.filter(pk__in=[e.pk for e in entries]).update(suspended=True)
    bump_state()
    return len(creators) + len(entries)


def correction_links(email):
    creators, entries, _consents = _records(email)
    return [(str(c), reverse("creators_creator:edit", args=[c.pk])) for c in creators] + [
        (str(e), reverse("creators_entry:edit", args=[e.pk])) for e in entries
    ]
