"""The registry of personal data, so that privacy requests and the retention job reach every app
that holds some, and the public page of retained personal data (APPI Art. 32) lists every kind.

An app that stores personal data registers a handler with the `register_personal_data` hook
(the way WordPress registers personal-data exporters and erasers):

    @hooks.register("register_personal_data")
    def creators_personal_data():
        return PersonalDataHandler(
            name="creators",
            models=[Creator, Entry, Consent],
            description=_("Creators' entries: name, contact details, ..."),
            purpose=_("To consider working with the creator (Article 3.8)"),
            export=export_for_email,   # email -> {"table name": [row dict, ...]}
            erase=erase_for_email,     # email -> number of records erased or anonymised
            suspend=suspend_for_email, # email -> number of records whose use was suspended
            retention=[RetentionRule(...), ...],  # what the daily job erases, and when
            describe=describe_for_email, # optional: email -> [Section], for the person to read
            is_suspended=is_suspended,   # optional: email -> True under a "do not contact"
        )

Every field but `correction_links` and `describe` is required, and a handler that leaves one out or
empty fails when it is built: `manage.py check` builds every handler (home.checks), so a forgotten
eraser stops the deployment instead of silently erasing nothing. An app with nothing to suspend
says so with an explicit function that returns 0.

`export` is the machine-readable form (field names, codes); `describe` is what the person reads in
the answer to a disclosure request: human labels and values in the active language, times in
Japan time, no internal ids. A handler without `describe` is described from its export, labelled
from its models' verbose names (`describe_export`).

Privacy requests (privacy_requests) call every registered handler and never import these apps.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext
from wagtail import hooks

# The retention schedule, in days (README: "Retention schedule" says why each default).
# Override one period with PERSONAL_DATA_RETENTION = {"name": days} in the settings.
DEFAULT_RETENTION_DAYS = {
    "entries_not_converted": 365,
    "entries_declined": 30,
    "privacy_requests_closed": 365,
    "privacy_requests_unconfirmed": 30,
    "sent_email_bodies": 90,
    "task_results": 30,
    "audit_log_of_erased_people": 90,
    "third_party_provisions": 3 * 365,
    "incidents_closed": 3 * 365,
    "business_inquiries": 3 * 365,
}


def disclosure_fee_yen():
    """Article 5's fee for a disclosure (of the data or of the provision records), per case."""
    return int(getattr(settings, "PRIVACY_DISCLOSURE_FEE_YEN", 1000))


def retention_days(name):
    overrides = getattr(settings, "PERSONAL_DATA_RETENTION", {})
    if name not in DEFAULT_RETENTION_DAYS and name not in overrides:
        raise KeyError(f"no retention period named {name!r} in the schedule")
    return int(overrides.get(name, DEFAULT_RETENTION_DAYS.get(name)))


@dataclass(frozen=True)
class RetentionRule:
    """One line of the retention schedule: what is due, and what erasing it means.

    `due(cutoff)` returns the records whose clock started before `cutoff` (a queryset);
    `apply(queryset)` erases or anonymises them and returns how many it touched. Applying a rule
    twice touches nothing the second time (the daily job is idempotent).
    """

    name: str
    description: object  # a (lazy) translated sentence for the public page
    due: Callable
    apply: Callable
    days: Callable = None  # -> the period in days; defaults to retention_days(name)

    def __post_init__(self):
        _require_filled(self, ["name", "description", "due", "apply"])
        if self.days is None:
            retention_days(self.name)  # a rule outside the schedule fails at registration

    def period_days(self):
        return self.days() if self.days else retention_days(self.name)

    def due_records(self, now=None):
        return self.due((now or timezone.now()) - timedelta(days=self.period_days()))


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


def japan_iso(value):
    """A moment as ISO 8601 in Japan time ("…+09:00") for machine-readable exports; a date as is."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, timezone.get_default_timezone()).isoformat()
    return value.isoformat()


@dataclass(frozen=True)
class PersonalDataHandler:
    name: str
    models: list
    description: object  # the kind of data held, for the public page (translated)
    purpose: object  # why it is held, with the policy article (translated)
    export: Callable[[str], dict]
    erase: Callable[[str], int]
    suspend: Callable[[str], int]
    retention: list  # [RetentionRule]; the public page lists each with its period
    # Optional: email -> [(label, admin url)] where an officer corrects the data by hand.
    correction_links: Callable[[str], list] = field(default=lambda email: [])
    # Optional: email -> [Section], the records in words for the answer to the person.
    describe: Callable[[str], list] | None = None
    # Optional: email -> True when a suspension request covers records of this address here.
    is_suspended: Callable[[str], bool] = field(default=lambda email: False)

    def __post_init__(self):
        _require_filled(self, ["name", "models", "description", "purpose", "retention"])
        for name in ("export", "erase", "suspend", "correction_links", "is_suspended"):
            if not callable(getattr(self, name)):
                raise TypeError(f"personal-data handler {self.name!r}: {name} is not callable")
        for rule in self.retention:
            if not isinstance(rule, RetentionRule):
                raise TypeError(f"personal-data handler {self.name!r}: {rule!r} is not a rule")


def _require_filled(instance, names):
    for name in names:
        value = getattr(instance, name)
        if value is None:
            empty = True
        elif isinstance(value, list | tuple):
            empty = not value
        else:
            empty = not callable(value) and not str(value).strip()
        if empty:
            label = getattr(instance, "name", "?")
            raise ValueError(f"{type(instance).__name__} {label!r}: {name} is empty")


def personal_data_handlers():
    return [register() for register in hooks.get_hooks("register_personal_data")]


def email_is_suspended(email):
    """True when a suspension request ("do not contact") covers this address in any app.

    Public forms store what such an address sends, flagged for the officer, and answer exactly
    as for any other address: the answer must not tell a visitor who asked for a suspension."""
    return any(handler.is_suspended(email) for handler in personal_data_handlers())


def other_retention_rules():
    """Rules for data that no request reaches by email (sessions, task results, audit log)."""
    return [rule for register in hooks.get_hooks("register_retention_rules") for rule in register()]


def retention_rules():
    rules = [rule for handler in personal_data_handlers() for rule in handler.retention]
    return rules + other_retention_rules()


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
