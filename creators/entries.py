"""Storing an entry: everything submitted and the consent evidence, in one transaction."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from home import outbox
from home.personal_data import email_is_suspended as suspended_anywhere

from .choices import HOW_ENTRY_FORM
from .consent import wording_hash
from .models.records import PERSONAL_FIELDS, Consent, Creator, Entry
from .receipt import receipt_context


def email_is_suspended(email):
    """True when a suspension request marked this address "do not contact"."""
    matches = Q(email__iexact=email, suspended=True)
    return Creator.objects.filter(matches).exists() or Entry.objects.filter(matches).exists()


@transaction.atomic
def store_entry(form, language_code):
    """Save the entry, its consent records and its emails; the emails leave after the commit.

    An address under a suspension request is taken like any other (the visitor sees the same
    answer, so nobody learns that the address asked for one) but stored "do not contact": the
    officer sees the flag on the entry, and no email goes out for it."""
    data = form.cleaned_data
    fields = {
        name: data[name]
        for name in PERSONAL_FIELDS + ["message"]
        if name not in ("language", "ai_tools")
    }
    fields["expertise"] = list(data["expertise"])
    fields["ai_tools"] = [tool.name for tool in data["ai_tools"]]
    fields["suspended"] = suspended_anywhere(data["email"])
    entry = create_entry(fields, form.consents(), language_code, form.policy_version)
    # The consent receipt, from the consent records just stored.
    outbox.queue_pair("creators/email", receipt_context(entry), about=entry)
    return entry


@transaction.atomic
def create_entry(fields, consents, language_code, policy_version):
    """One transaction: the entry exactly as sent and one consent record per box shown.

    `consents` is [(what, given, wording shown)]; the wording is kept with its SHA-256.
    """
    entry = Entry.objects.create(**fields, language=language_code)
    moment = timezone.now()
    for what, given, wording in consents:
        Consent.objects.create(
            entry=entry,
            what=what,
            given=given,
            at=moment,
            how=HOW_ENTRY_FORM,
            language=language_code,
            wording_sha256=wording_hash(wording),
            wording=wording,
            policy_version=policy_version,
        )
    return entry


@transaction.atomic
def convert_entry(entry):
    """Turn an entry into a Creator (the existing one for the same email, if any)."""
    creator = entry.creator or Creator.objects.filter(email__iexact=entry.email).first()
    if creator is None:
        creator = Creator()
    for field_name in PERSONAL_FIELDS:
        setattr(creator, field_name, getattr(entry, field_name))
    creator.save()
    if entry.creator_id != creator.pk:
        entry.creator = creator
        entry.save(update_fields=["creator"])
    return creator
