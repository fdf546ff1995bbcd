"""The officers' queue in the Wagtail admin: a ModelViewSet for the list and the request page,
plus the action, download and email-retry endpoints."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

from . import actions
from .models import PrivacyRequest, RequestEmail
from .permissions import is_privacy_officer
from .personal_data import REQUEST_FIELDS

logger = logging.getLogger(__name__)


class StatusColumn(Column):
    cell_template_name = "privacy_requests/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["request_obj"] = instance
        return context


class QueueIndexView(generic.IndexView):
    def get_base_queryset(self):
        queue = PrivacyRequest.objects.officer_queue()
        if self.request.GET.get("status") == PrivacyRequest.Status.UNCONFIRMED:
            return queue
        # Nobody has proved an unconfirmed request is theirs: it is not a case until it is
        # confirmed, so it stays out of the queue unless the officer filters for it.
        return queue.exclude(status=PrivacyRequest.Status.UNCONFIRMED)

    def order_queryset(self, queryset):
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        return queryset  # the queue's own order: overdue first, then by due date


class RequestInspectView(generic.InspectView):
    template_name = "privacy_requests/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        privacy_request = self.object
        context.update(
            privacy_request=privacy_request,
            available=actions.available(privacy_request),
            is_overdue=privacy_request.is_overdue(),
            emails=privacy_request.emails.all(),
            correction_links=actions.correction_links(privacy_request)
            if privacy_request.email and not privacy_request.is_anonymised
            else [],
            fee_choices=[
                (PrivacyRequest.Fee.PAID, _("Mark fee paid")),
                (PrivacyRequest.Fee.WAIVED, _("Waive fee")),
                (PrivacyRequest.Fee.NOT_REQUIRED, _("Fee not required")),
            ],
            log_entries=ModelLogEntry.objects.for_instance(privacy_request)
            .select_related("user")
            .order_by("-timestamp"),
        )
        return context


class OfficerOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_privacy_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RequestActionView(OfficerOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        privacy_request = get_object_or_404(PrivacyRequest, pk=pk)
        action = request.POST.get("action", "")
        user = request.user
        try:
            if action == "start":
                actions.start(privacy_request, user)
            elif action == "done":
                actions.mark_done(privacy_request, user)
            elif action == "refuse":
                actions.refuse(privacy_request, user, request.POST.get("reason", ""))
            elif action == "fee":
                actions.set_fee(privacy_request, user, request.POST.get("fee_status", ""))
            elif action == "correct":
                actions.record_correction(privacy_request, user, request.POST.get("note", ""))
            elif action == "delete":
                if request.POST.get("confirm") != "yes":
                    raise ValueError(_("Tick the box to confirm the deletion."))
                actions.erase(privacy_request, user)
            elif action == "suspend":
                actions.suspend(privacy_request, user)
            else:
                raise ValueError(_("Unknown action."))
        except ValueError as error:
            messages.error(request, str(error))
        except Exception as error:  # noqa: BLE001  a data holder failed: say so, keep the page
            logger.exception("Privacy request %s: action %r failed", pk, action)
            messages.error(
                request,
                _("The action failed and nothing was changed: %(error)s") % {"error": error},
            )
        else:
            messages.success(request, _("Done: %(request)s") % {"request": privacy_request})
        return redirect("privacy_requests:inspect", pk)


class DisclosureDownloadView(OfficerOnlyMixin, View):
    def get(self, request, pk):
        privacy_request = get_object_or_404(PrivacyRequest, pk=pk)
        filename, content = actions.disclose(privacy_request, request.user)
        response = HttpResponse(content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class EmailRetryView(OfficerOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        email = get_object_or_404(RequestEmail, pk=pk, delivery=RequestEmail.Delivery.FAILED)
        actions.retry_email(email, request.user)
        messages.success(request, _("The email was queued again."))
        return redirect("privacy_requests:inspect", email.privacy_request_id)


class PrivacyRequestViewSet(ModelViewSet):
    model = PrivacyRequest
    icon = "lock"
    menu_label = gettext_lazy("Privacy requests")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "privacy-requests"
    name = "privacy_requests"
    index_view_class = QueueIndexView
    inspect_view_class = RequestInspectView
    inspect_view_enabled = True
    # Everything a disclosure gives the requester, then what only the officer records.
    inspect_view_fields = [
        *(name for name in REQUEST_FIELDS if name != "id"),
        "officer_note",
        "outcome",
        "anonymised_at",
    ]
    list_display = [
        "__str__",
        "kind",
        StatusColumn("status", label=pgettext_lazy("privacy request", "Status")),
        "received_at",
        "due_at",
    ]
    list_filter = ["status", "kind"]
    exclude_form_fields = []

    def get_urlpatterns(self):
        from django.urls import path

        return super().get_urlpatterns() + [
            path("action/<int:pk>/", RequestActionView.as_view(), name="action"),
            path("download/<int:pk>/", DisclosureDownloadView.as_view(), name="download"),
            path("email/<int:pk>/retry/", EmailRetryView.as_view(), name="retry_email"),
        ]
