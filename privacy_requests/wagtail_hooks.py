from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from .admin_views import PrivacyRequestViewSet
from .models import PrivacyRequest
from .permissions import PrivacyOfficerPolicy, is_privacy_officer
from .personal_data import privacy_requests_personal_data

# Registered before the viewset so that its menu item and views use the officers-only policy.
register_permission_policy(PrivacyRequest, PrivacyOfficerPolicy(PrivacyRequest))

hooks.register("register_personal_data", privacy_requests_personal_data)


@hooks.register("register_admin_viewset")
def register_privacy_request_viewset():
    return PrivacyRequestViewSet()


LOG_ACTIONS = [
    ("privacy_requests.submit", _("Submit privacy request"), _("Privacy request submitted")),
    ("privacy_requests.confirm", _("Confirm privacy request"), _("Confirmed by the requester")),
    ("privacy_requests.status", _("Change status"), _("Status changed")),
    ("privacy_requests.fee", _("Record fee"), _("Fee recorded")),
    ("privacy_requests.export", _("Export personal data"), _("Disclosure archive downloaded")),
    ("privacy_requests.correct", _("Record correction"), _("Correction recorded")),
    ("privacy_requests.erase", _("Erase personal data"), _("Personal data erased")),
    ("privacy_requests.suspend", _("Suspend use"), _("Use of personal data suspended")),
    ("privacy_requests.retry_email", _("Retry email"), _("Failed email queued again")),
]


@hooks.register("register_log_actions")
def register_privacy_request_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


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
