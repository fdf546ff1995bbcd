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
        )

Every field but `correction_links` is required, and a handler that leaves one out or empty fails
when it is built: `manage.py check` builds every handler (home.checks), so a forgotten eraser
stops the deployment instead of silently erasing nothing. An app with nothing to suspend says so
with an explicit function that returns 0.

Privacy requests (privacy_requests) call every registered handler and never import these apps.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail import hooks

# The retention schedule, in days (README: "Retention schedule" says why each default).
# Override one period with PERSONAL_DATA_RETENTION = {"name": days} in the settings.
DEFAULT_RETENTION_DAYS = {
    "entries_not_converted": 365,
    "entries_declined": 30,
    "privacy_requests_closed": 365,
    "sent_email_bodies": 90,
    "task_results": 30,
    "audit_log_of_erased_people": 90,
    "third_party_provisions": 3 * 365,
    "incidents_closed": 3 * 365,
}


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

    def __post_init__(self):
        _require_filled(self, ["name", "models", "description", "purpose", "retention"])
        for name in ("export", "erase", "suspend", "correction_links"):
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


def other_retention_rules():
    """Rules for data that no request reaches by email (sessions, task results, audit log)."""
    return [rule for register in hooks.get_hooks("register_retention_rules") for rule in register()]


def retention_rules():
    rules = [rule for handler in personal_data_handlers() for rule in handler.retention]
    return rules + other_retention_rules()


def covered_models():
    return {model for handler in personal_data_handlers() for model in handler.models}
