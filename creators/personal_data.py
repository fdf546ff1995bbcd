"""The creators app's answer to privacy requests (Articles 5-7), registered in wagtail_hooks.

export: everything held for an email address; erase: delete the person's records and keep only
consent evidence without personal links; suspend: stop every use at once (nothing published,
nobody contacted, the entry form refuses the address).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home.personal_data import Section, human_value, japan_iso
from works.models import WorkCredit

from .cache import bump_state
from .choices import EXPERTISE_LABELS, INTRODUCE, PUBLISHING_CONSENTS
from .consent import consent_states, record_admin_consent, shown_wording
from .models import PERSONAL_FIELDS, Consent, Creator, CreatorPage, Entry, ThirdPartyProvision
from .search_index import reindex_works_after_commit


def _credits(creators):
    """The works' credit lines that link this person's profiles (any language)."""
    pages = CreatorPage.objects.filter(creator__in=creators).values("pk")
    return WorkCredit.objects.filter(creator_page__in=pages).select_related("work")


def _credit_row(credit):
    return {
        "id": credit.pk,
        "work": credit.work.title,
        "work_url": credit.work.full_url,
        "role": credit.role,
        "creator_page": credit.creator_page_id,
    }


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
        "at": japan_iso(consent.at),
        "how": consent.how,
        "language": consent.language,
        "wording": shown_wording(consent),
        "wording_sha256": consent.wording_sha256,
        "policy_version": version.number if version else None,
        "policy_version_effective_at": japan_iso(version.effective_at) if version else None,
    }


def _provision_row(provision):
    return {
        "id": provision.pk,
        "creator": provision.creator_id,
        "person": provision.person_name,
        "provided_on": japan_iso(provision.provided_on),
        "recipient": provision.recipient,
        "recipient_address": provision.recipient_address,
        "items": provision.items,
        "consent": provision.consent_id,
        "recorded_at": japan_iso(provision.recorded_at),
    }


def export_for_email(email):
    creators, entries, consents = _records(email)
    return {
        "creators": [
            {
                "id": c.pk,
                **{f: getattr(c, f) for f in PERSONAL},
                "created_at": japan_iso(c.created_at),
            }
            for c in creators
        ],
        "creator_entries": [
            {
                "id": e.pk,
                "creator": e.creator_id,
                **{f: getattr(e, f) for f in PERSONAL},
                "message": e.message,
                "submitted_at": japan_iso(e.submitted_at),
                "notified": e.notified,
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
        # Credits show the name only while its publication is consented (works.credits).
        "work_credits": [_credit_row(credit) for credit in _credits(creators)],
        # APPI Art. 33(5): the records of every provision of this person's data to a third party.
        "third_party_provisions": [
            _provision_row(p) for p in ThirdPartyProvision.objects.filter(creator__in=creators)
        ],
    }


def _person_record(record):
    """The entry form's fields in words: labels, expertise names, the language's name."""
    model = type(record)
    expertise = [str(EXPERTISE_LABELS.get(key, key)) for key in record.expertise]
    values = {
        "name": record.name,
        "stage_name": record.stage_name,
        "email": record.email,
        "phone": record.phone,
        "expertise": expertise + ([record.expertise_other] if record.expertise_other else []),
        "portfolio_url": record.portfolio_url,
        "ai_tools": record.ai_tool_names(),
        "achievements": record.achievements,
        "language": record.get_language_display(),
        "suspended": record.suspended,
    }
    return [
        (key, capfirst(str(model._meta.get_field(key).verbose_name)), human_value(value))
        for key, value in values.items()
    ]


def _policy_version_words(version):
    if version is None:
        return "—"
    return _("Version %(number)s, in force since %(moment)s: %(url)s") % {
        "number": version.number,
        "moment": human_value(version.effective_at),
        "url": settings.WAGTAILADMIN_BASE_URL + version.get_absolute_url(),
    }


def _consent_record(consent):
    field = Consent._meta.get_field
    return [
        ("what", capfirst(str(field("what").verbose_name)), consent.get_what_display()),
        ("given", _("Given or withdrawn"), _("Given") if consent.given else _("Withdrawn")),
        ("at", capfirst(str(field("at").verbose_name)), human_value(consent.at)),
        ("how", capfirst(str(field("how").verbose_name)), consent.get_how_display()),
        (
            "language",
            capfirst(str(field("language").verbose_name)),
            consent.get_language_display(),
        ),
        ("wording", _("The exact wording you agreed to"), shown_wording(consent) or "—"),
        (
            "policy_version",
            _("Privacy policy in force"),
            _policy_version_words(consent.policy_version),
        ),
    ]


def _provision_record(provision):
    """A record of this person's data given to a client (APPI Art. 33(5)), in words."""
    field = ThirdPartyProvision._meta.get_field
    consent = provision.consent
    return [
        (name, capfirst(str(field(name).verbose_name)), value)
        for name, value in (
            ("provided_on", human_value(provision.provided_on)),
            ("recipient", provision.recipient),
            ("recipient_address", human_value(provision.recipient_address)),
            ("items", human_value(provision.item_labels())),
            ("consent", f"{consent.get_what_display()} ({human_value(consent.at)})"),
            ("recorded_at", human_value(provision.recorded_at)),
        )
    ]


def describe_for_email(email):
    """The person's records in words, for the answer to their disclosure request."""
    creators, entries, consents = _records(email)
    purpose = _(
        "To consider working with you on film production and to contact you about it; the "
        "fields you consented to are shown on your creator profile (privacy policy Article 3)."
    )
    entry_records = [
        [
            *_person_record(entry),
            ("message", _("Message"), human_value(entry.message)),
            ("submitted_at", _("Submitted"), human_value(entry.submitted_at)),
        ]
        for entry in entries
    ]
    creator_records = [
        [
            *_person_record(c),
            ("created_at", pgettext("creator record", "Recorded"), human_value(c.created_at)),
        ]
        for c in creators
    ]
    consent_records = [
        _consent_record(c)
        for c in consents.select_related("policy_version__locale").order_by("at", "pk")
    ]
    page_records = [
        [
            ("url", _("Address"), page.full_url or "—"),
            ("live", pgettext("creator profile", "Published"), human_value(page.live)),
        ]
        for page in CreatorPage.objects.filter(creator__in=creators)
    ]
    credit_records = [
        [
            ("work", pgettext("personal data", "Work"), credit.work.title),
            ("role", pgettext("personal data", "Role"), str(credit.get_role_display())),
        ]
        for credit in _credits(creators)
    ]
    provision_records = [
        _provision_record(provision)
        for provision in ThirdPartyProvision.objects.filter(creator__in=creators)
        .select_related("consent")
        .order_by("provided_on", "pk")
    ]
    sections = [
        Section("entries", _("Entries you sent through the entry form"), purpose, entry_records),
        Section("creators", _("Your creator record"), purpose, creator_records),
        Section(
            "consents",
            _("Your consents and withdrawals"),
            _("Evidence of what you agreed to, and what may be shown on the site."),
            consent_records,
        ),
        Section(
            "profile_pages",
            _("Your creator profile pages"),
            _("Shows the fields you consented to publish."),
            page_records,
        ),
        Section(
            "work_credits",
            _("Your credits on our works"),
            _("Your name is shown in these credits only while you consent to its publication."),
            credit_records,
        ),
        Section(
            "third_party_provisions",
            _("Records of providing your data to third parties"),
            _(
                "Each time we introduced you to a client with your consent: when, to whom, and "
                "which of your details we gave (privacy policy Article 3)."
            ),
            provision_records,
        ),
    ]
    return [section for section in sections if section.records]


@transaction.atomic
def erase_for_email(email):
    creators, entries, consents = _records(email)
    credits = _credits(creators)
    erased_credits = len(credits)
    reindex_works_after_commit(credits.values_list("work_id", flat=True))
    credits.delete()  # the lines go with the person, not left as roles without a name
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
    return len(creators) + len(entries) + len(pages) + erased_credits + anonymised


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
