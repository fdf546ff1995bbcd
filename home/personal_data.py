"""The registry of personal data, so that privacy requests reach every app that holds some.

An app that stores personal data registers a handler with the `register_personal_data` hook
(the way WordPress registers personal-data exporters and erasers):

    @hooks.register("register_personal_data")
    def creators_personal_data():
        return PersonalDataHandler(
            name="creators",
            models=[Creator, Entry, Consent],
            export=export_for_email,   # email -> {"table name": [row dict, ...]}
            erase=erase_for_email,     # email -> number of records erased or anonymised
            suspend=suspend_for_email, # email -> number of records whose use was suspended
            describe=describe_for_email, # optional: email -> [Section], for the person to read
        )

`export` is the machine-readable form (field names, codes); `describe` is what the person reads in
the answer to a disclosure request: human labels and values in the active language, times in
Japan time, no internal ids. A handler without `describe` is described from its export, labelled
from its models' verbose names (`describe_export`).

Privacy requests (privacy_requests) call every registered handler and never import these apps.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext
from wagtail import hooks


@dataclass
class Section:
    """One kind of record a handler holds on a person, as the person reads it."""

    key: str  # stable, for the machine-readable answer
    title: str
    purpose: str = ""  # how the studio uses these records
    # Each record is a list of (key, label, value) with value already a human string.
    records: list = field(default_factory=list)


def human_value(value):
    """A stored value as a person reads it: Yes/No, Japan time, lists joined, "—" for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return (
            pgettext("personal data value", "Yes")
            if value
            else pgettext("personal data value", "No")
        )
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT") + " JST"
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(human_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {human_value(item)}" for key, item in value.items())
    return str(value)


@dataclass(frozen=True)
class PersonalDataHandler:
    name: str
    models: list = field(default_factory=list)
    export: Callable[[str], dict] = lambda email: {}
    erase: Callable[[str], int] = lambda email: 0
    suspend: Callable[[str], int] = lambda email: 0
    # Optional: email -> [(label, admin url)] where an officer corrects the data by hand.
    correction_links: Callable[[str], list] = lambda email: []
    # Optional: email -> [Section], the records in words for the answer to the person.
    describe: Callable[[str], list] | None = None


def personal_data_handlers():
    return [register() for register in hooks.get_hooks("register_personal_data")]


def covered_models():
    return {model for handler in personal_data_handlers() for model in handler.models}


INTERNAL_KEYS = {"id", "pk", "token", "nonce", "confirmation_nonce", "email_digest"}


def _is_internal(key):
    return key in INTERNAL_KEYS or key.endswith("_id") or "token" in key or "nonce" in key


def describe_export(handler, email):
    """Sections for a handler without `describe`: its export, labelled from its models' fields."""
    fields = {}
    for model in reversed(handler.models):
        fields.update({f.name: f for f in model._meta.get_fields() if hasattr(f, "verbose_name")})
    sections = []
    for table, rows in (handler.export(email) or {}).items():
        records = []
        for row in rows:
            record = []
            for key, value in row.items():
                if _is_internal(key):
                    continue
                model_field = fields.get(key)
                label = str(model_field.verbose_name) if model_field else key.replace("_", " ")
                if model_field is not None and getattr(model_field, "choices", None):
                    value = dict(model_field.flatchoices).get(value, value)
                record.append((key, label[:1].upper() + label[1:], human_value(value)))
            records.append(record)
        sections.append(
            Section(key=table, title=str(table).replace("_", " ").capitalize(), records=records)
        )
    return sections


def describe(handler, email):
    return handler.describe(email) if handler.describe else describe_export(handler, email)
