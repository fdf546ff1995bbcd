"""Consent: the wording people see, the evidence recorded, and what may be published now.

Everything a public page shows about a creator passes through `published_profiles()`, which reads
the latest consent records at the moment it is called. Page fields and revisions never hold these
values, so a withdrawal is visible on the next request and an old revision cannot revive a field.
"""

from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from policy.consent_forms import wording_hash
from policy.versions import version_in_force

from .choices import (
    HOW_ADMIN,
    INTRODUCE,
    INTRODUCE_ONCE,
    POLICY,
    PUBLISH_ACHIEVEMENTS,
    PUBLISH_EXPERTISE,
    PUBLISH_NAME,
    expertise_labels,
)
from .models.records import Consent


def consent_wording(what, language_code, version=None):
    """The exact sentence shown beside a consent box, in `language_code`."""
    with translation.override(language_code):
        if what == POLICY:
            if version is None:
                return _("I have read the privacy policy and agree to it.")
            moment = date_format(timezone.localtime(version.effective_at), "DATETIME_FORMAT")
            return _(
                "I have read the privacy policy (version %(number)s, in force since "
                "%(moment)s) and agree to it."
            ) % {"number": version.number, "moment": moment}
        if what == PUBLISH_NAME:
            return _("You may publish my name on this site (my stage name instead, if I give one).")
        if what == PUBLISH_EXPERTISE:
            return _("You may publish my areas of expertise on this site.")
        if what == PUBLISH_ACHIEVEMENTS:
            return _("You may publish my past achievements on this site.")
        if what == INTRODUCE:
            return _(
                "You may introduce me to your clients and give them the details I choose "
                "(until I withdraw this consent)."
            )
        if what == INTRODUCE_ONCE:
            return _("You may introduce me to this client and give them the details listed.")
    raise ValueError(what)


def admin_wording(what, given, language_code):
    """What an officer records when the person asks in writing (kept as evidence by its hash)."""
    sentence = consent_wording(what, language_code)
    with translation.override(language_code):
        state = _("Given") if given else _("Withdrawn")
        return _("On the person's written request. %(state)s: %(sentence)s") % {
            "state": state,
            "sentence": sentence,
        }


def shown_wording(consent):
    """The exact sentence the person saw, proved by the stored hash; "" if it cannot be proved.

    Records made before the wording itself was stored are matched against every sentence the
    site could have shown for that consent, in that language, under that policy version."""
    if consent.wording and wording_hash(consent.wording) == consent.wording_sha256:
        return consent.wording
    candidates = [
        consent_wording(consent.what, consent.language, consent.policy_version),
        consent_wording(consent.what, consent.language),
        admin_wording(consent.what, True, consent.language),
        admin_wording(consent.what, False, consent.language),
    ]
    return next((c for c in candidates if wording_hash(c) == consent.wording_sha256), "")


def record_admin_consent(creator, what, given, language_code, user, note=""):
    wording = admin_wording(what, given, language_code)
    return Consent.objects.create(
        creator=creator,
        what=what,
        given=given,
        at=timezone.now(),
        how=HOW_ADMIN,
        language=language_code,
        wording_sha256=wording_hash(wording),
        wording=wording,
        policy_version=version_in_force(language_code),
        recorded_by=user,
        note=note,
    )


def consent_states(creator_ids):
    """{creator id: {what: given}} from the latest record of each consent, in one query."""
    states = {pk: {} for pk in creator_ids}
    records = (
        Consent.objects.annotate(subject=Coalesce(F("creator_id"), F("entry__creator_id")))
        .filter(subject__in=list(creator_ids))
        .order_by("at", "pk")
        .values_list("subject", "what", "given")
    )
    for subject, what, given in records:
        states[subject][what] = given  # later records overwrite earlier ones
    return states


@dataclass
class PublishedProfile:
    """The creator fields that may leave the database right now; empty strings when not."""

    name: str = ""
    expertise: list = field(default_factory=list)
    achievements: str = ""

    @property
    def is_empty(self):
        return not (self.name or self.expertise or self.achievements)


def published_profile(creator, state):
    if creator is None or creator.suspended:
        return PublishedProfile()
    return PublishedProfile(
        name=(creator.stage_name or creator.name) if state.get(PUBLISH_NAME) else "",
        expertise=(
            expertise_labels(creator.expertise, creator.expertise_other)
            if state.get(PUBLISH_EXPERTISE)
            else []
        ),
        achievements=creator.achievements if state.get(PUBLISH_ACHIEVEMENTS) else "",
    )


def published_profiles(creators):
    """{creator id: PublishedProfile} for already-loaded creators, in one query."""
    creators = [creator for creator in creators if creator is not None]
    states = consent_states([creator.pk for creator in creators])
    return {creator.pk: published_profile(creator, states[creator.pk]) for creator in creators}
