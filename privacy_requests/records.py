"""A request as the officer reads it: labels and values in words, every time in Japan time.

The admin shows these facts instead of the stored values, so no code, JSON, True/False or None
reaches the officer's screen."""

from django.apps import apps
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from home.personal_data import human_value

from .models import PrivacyRequest
from .models.requests import due_days

OUTCOME_VERBS = {
    "erased": pgettext_lazy("privacy request outcome", "Erased"),
    "suspended": gettext_lazy("Use suspended"),
    "provision_stopped": gettext_lazy("Provision to third parties stopped"),
}


def holder_name(name):
    try:
        return str(apps.get_app_config(name).verbose_name)
    except LookupError:
        return name.replace("_", " ").replace("-", " ")


def outcome_in_words(outcome):
    """{"erased": {"creators": 3}} → "Erased: Creators (3 records)"."""
    lines = []
    for verb, counts in (outcome or {}).items():
        parts = [
            ngettext("%(holder)s (%(count)s record)", "%(holder)s (%(count)s records)", count)
            % {"holder": holder_name(holder), "count": count}
            for holder, count in (counts or {}).items()
        ]
        label = str(OUTCOME_VERBS.get(verb, verb))
        lines.append(f"{label}: {', '.join(parts) if parts else _('no records')}")
    return "\n".join(lines) or "—"


def _label(name):
    return capfirst(str(PrivacyRequest._meta.get_field(name).verbose_name))


def _due(privacy_request):
    if privacy_request.due_at:
        return human_value(privacy_request.due_at)
    if privacy_request.status == PrivacyRequest.Status.WAITING_FOR_FEE:
        return _("On hold until the fee is settled; then %(days)s days from that day.") % {
            "days": due_days()
        }
    return "—"


def _fee(privacy_request):
    text = privacy_request.get_fee_status_display()
    if privacy_request.fee_settled_at:
        text += " (" + human_value(privacy_request.fee_settled_at) + ")"
    return text


def request_facts(privacy_request):
    r = privacy_request
    languages = dict(settings.LANGUAGES)
    facts = [
        (_label("kind"), r.get_kind_display()),
        (_label("status"), r.get_status_display()),
        (_label("delivery"), r.get_delivery_display() if r.needs_fee else _("Not a disclosure")),
        (_label("name"), human_value(r.name)),
        (_label("email"), human_value(r.email)),
        (_label("details"), human_value(r.details)),
        (_label("language"), str(languages.get(r.language, r.language))),
        (_label("received_at"), human_value(r.received_at)),
        (_label("confirmed_at"), human_value(r.confirmed_at)),
        (_label("due_at"), _due(r)),
        (_label("fee_status"), _fee(r)),
        (_label("closed_at"), human_value(r.closed_at)),
    ]
    if r.status == PrivacyRequest.Status.REFUSED:
        facts += [
            (_label("refusal_ground"), r.get_refusal_ground_display() or "—"),
            (_label("refusal_reason"), human_value(r.refusal_reason)),
        ]
    facts += [
        (_label("officer_note"), human_value(r.officer_note)),
        (_label("outcome"), outcome_in_words(r.outcome)),
    ]
    if r.anonymised_at:
        facts.append((_label("anonymised_at"), human_value(r.anonymised_at)))
    return facts
