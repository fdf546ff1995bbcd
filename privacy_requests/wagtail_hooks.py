from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from .admin_views import PrivacyRequestViewSet
from .emails import ANSWER_TEMPLATE, answer_body_with_new_link
from .models import PrivacyRequest
from .permissions import PrivacyOfficerPolicy, is_privacy_officer
from .personal_data import privacy_requests_personal_data

# Registered before the viewset so that its menu item and views use the officers-only policy.
register_permission_policy(PrivacyRequest, PrivacyOfficerPolicy(PrivacyRequest))

hooks.register("register_personal_data", privacy_requests_personal_data)


@hooks.register("register_outbox_finisher")
def outbox_finishers():
    return {ANSWER_TEMPLATE: answer_body_with_new_link}


@hooks.register("register_admin_viewset")
def register_privacy_request_viewset():
    return PrivacyRequestViewSet()


LOG_ACTIONS = [
    ("privacy_requests.submit", _("Submit privacy request"), _("Privacy request submitted")),
    ("privacy_requests.confirm", _("Confirm privacy request"), _("Confirmed by the requester")),
    ("privacy_requests.export", _("Show the answer"), _("Answer shown to the officer")),
    ("privacy_requests.release", _("Release the answer"), _("Answer released: link emailed")),
    ("privacy_requests.download", _("Answer downloaded"), _("Answer downloaded by the requester")),
    (
        "privacy_requests.download_refused",
        _("Answer link refused"),
        _("Used or expired answer link opened"),
    ),
    ("privacy_requests.answer_expired", _("Answer expired"), _("Answer file deleted at expiry")),
    ("privacy_requests.posted", _("Answer posted"), _("Written answer posted")),
    (
        "privacy_requests.stop_provision",
        _("Stop provision"),
        _("Provision to third parties stopped"),
    ),
    ("privacy_requests.notify_purpose", _("Notify purposes"), _("Purposes of use notified")),
    ("privacy_requests.correct", _("Record correction"), _("Correction recorded")),
    ("privacy_requests.erase", _("Erase personal data"), _("Personal data erased")),
    ("privacy_requests.suspend", _("Suspend use"), _("Use of personal data suspended")),
    ("privacy_requests.retry_email", _("Retry email"), _("Failed email queued again")),
]


class ChangeFormatter(LogFormatter):
    """ "Status: Waiting for fee → In progress", in words, not the stored codes."""

    choices = {}
    what = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        old, new = data.get("from"), data.get("to")
        return _("%(what)s: %(old)s → %(new)s") % {
            "what": self.what,
            "old": self.choices.get(old, old or "—"),
            "new": self.choices.get(new, new or "—"),
        }


class StatusFormatter(ChangeFormatter):
    label = _("Change status")
    what = pgettext_lazy("privacy request", "Status")
    choices = dict(PrivacyRequest.Status.choices)


class FeeFormatter(ChangeFormatter):
    label = _("Record fee")
    what = pgettext_lazy("privacy request", "Fee")
    choices = dict(PrivacyRequest.Fee.choices)


@hooks.register("register_log_actions")
def register_privacy_request_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action("privacy_requests.status")(StatusFormatter)
    actions.register_action("privacy_requests.fee")(FeeFormatter)


class OverdueRequestsPanel(Component):
    name = "privacy_requests_overdue"
    order = 50
    template_name = "privacy_requests/admin/overdue_panel.html"

    def get_context_data(self, parent_context):
        return {
            "overdue_count": PrivacyRequest.objects.overdue().count(),
            "open_count": PrivacyRequest.objects.active().count(),
        }


@hooks.register("construct_homepage_panels")
def add_overdue_requests_panel(request, panels):
    if is_privacy_officer(request.user):
        panels.append(OverdueRequestsPanel())
