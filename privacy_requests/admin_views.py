"""The officers' queue in the Wagtail admin: a ModelViewSet for the list and the request page,
plus the action, download and email-retry endpoints."""

import logging
from datetime import datetime, time

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

from home.outbox import OutboxEmail

from . import actions
from .models import PrivacyRequest, PrivacyRequestPage
from .models.answers import link_days
from .models.requests import due_days
from .permissions import is_privacy_officer
from .records import request_facts

logger = logging.getLogger(__name__)


class StatusColumn(Column):
    cell_template_name = "privacy_requests/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["request_obj"] = instance
        return context


class QueueFilterSet(WagtailFilterSet):
    # Choices in words, not a BooleanFilter: its active-filter pill would read "Overdue: True".
    overdue = django_filters.ChoiceFilter(
        label=gettext_lazy("Overdue"),
        choices=[("yes", gettext_lazy("Overdue only")), ("no", gettext_lazy("Not overdue"))],
        method="filter_overdue",
    )

    class Meta:
        model = PrivacyRequest
        fields = ["kind", "status"]

    def filter_overdue(self, queryset, name, value):
        overdue = PrivacyRequest.objects.overdue().values("pk")
        if value == "yes":
            return queryset.filter(pk__in=overdue)
        return queryset.exclude(pk__in=overdue) if value == "no" else queryset


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
            facts=request_facts(privacy_request),
            available=actions.available(privacy_request),
            refusal_grounds=PrivacyRequest.RefusalGround.choices,
            answers=privacy_request.answers.all(),
            today=timezone.localdate().isoformat(),
            due_days=due_days(),
            link_days=link_days(),
            is_overdue=privacy_request.is_overdue(),
            emails=privacy_request.emails.all(),
            correction_links=actions.correction_links(privacy_request)
            if privacy_request.email and not privacy_request.is_anonymised
            else [],
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


def _settled_at(value):
    """The day the fee arrived (a date in Japan time) as the start of that day; None for today."""
    day = parse_date(value or "")
    if day is None or day == timezone.localdate():
        return None
    return timezone.make_aware(datetime.combine(day, time.min))


def _answer_link(request, privacy_request):
    page = (
        PrivacyRequestPage.objects.live()
        .filter(locale__language_code=privacy_request.language)
        .first()
        or PrivacyRequestPage.objects.live().first()
    )
    if page is None:
        raise ValueError(_("There is no published privacy requests page to download from."))

    def link_for(token):
        path = page.get_url(request) + page.reverse_subpage("answer", args=[token])
        return request.build_absolute_uri(path)

    return link_for


# What the officer is told after each action: says what happened, never "done" for a fee.
SUCCESS = {
    "start": gettext_lazy("Work started: the requester was told."),
    "done": gettext_lazy("Closed as carried out: the requester was told."),
    "refuse": gettext_lazy("Refused: the requester was told the ground."),
    "correct": gettext_lazy("Correction recorded."),
    "delete": gettext_lazy("The person's data was erased everywhere."),
    "suspend": gettext_lazy("All use of the person's data was suspended."),
    "release": gettext_lazy("Answer released: the download link was emailed to the requester."),
    "posted": gettext_lazy("Recorded as posted: the requester was told."),
    "stop_provision": gettext_lazy("Provision to third parties stopped: the requester was told."),
    "notify_purpose": gettext_lazy("The purposes of use were emailed to the requester."),
}


class RequestActionView(OfficerOnlyMixin, View):
    http_method_names = ["post"]

    def run(self, request, privacy_request, action):
        user = request.user
        post = request.POST
        if action == "fee":
            fee_status = post.get("fee_status", "")
            actions.set_fee(privacy_request, user, fee_status, _settled_at(post.get("settled_on")))
            due = date_format(timezone.localtime(privacy_request.due_at), "DATE_FORMAT")
            if fee_status == PrivacyRequest.Fee.WAIVED:
                return _("Fee waived; the answer is due by %(due)s.") % {"due": due}
            return _("Fee recorded as paid; the answer is due by %(due)s.") % {"due": due}
        if action == "refuse":
            actions.refuse(privacy_request, user, post.get("ground", ""), post.get("reason", ""))
        elif action == "correct":
            actions.record_correction(privacy_request, user, post.get("note", ""))
        elif action == "delete":
            if post.get("confirm") != "yes":
                raise ValueError(_("Tick the box to confirm the deletion."))
            actions.erase(privacy_request, user)
        elif action == "release":
            actions.release(privacy_request, user, _answer_link(request, privacy_request))
        elif action in SIMPLE_ACTIONS:
            SIMPLE_ACTIONS[action](privacy_request, user)
        else:
            raise ValueError(_("Unknown action."))
        return str(SUCCESS[action])

    def post(self, request, pk):
        privacy_request = get_object_or_404(PrivacyRequest, pk=pk)
        action = request.POST.get("action", "")
        try:
            message = self.run(request, privacy_request, action)
        except PermissionDenied:
            messages.error(request, _("That action does not fit this request in its state."))
        except ValueError as error:
            messages.error(request, str(error))
        except Exception as error:  # noqa: BLE001  a data holder failed: say so, keep the page
            logger.exception("Privacy request %s: action %r failed", pk, action)
            messages.error(
                request,
                _("The action failed and nothing was changed: %(error)s") % {"error": error},
            )
        else:
            messages.success(request, message)
        return redirect("privacy_requests:inspect", pk)


SIMPLE_ACTIONS = {
    "start": actions.start,
    "done": actions.mark_done,
    "suspend": actions.suspend,
    "posted": actions.mark_posted,
    "stop_provision": actions.stop_provision,
    "notify_purpose": actions.notify_purpose,
}


class AnswerPreviewView(OfficerOnlyMixin, View):
    """The answer as the person reads it: the written answer to print and post, or a preview."""

    def get(self, request, pk):
        privacy_request = get_object_or_404(PrivacyRequest, pk=pk)
        try:
            html = actions.preview(privacy_request, request.user)
        except PermissionDenied:
            messages.error(request, _("The answer can be shown once the fee is settled."))
            return redirect("privacy_requests:inspect", pk)
        response = HttpResponse(html)
        response["Cache-Control"] = "no-store"
        return response


class EmailRetryView(OfficerOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        failed = OutboxEmail.objects.filter(delivery=OutboxEmail.Delivery.FAILED)
        email = get_object_or_404(failed, pk=pk, privacy_request__isnull=False)
        actions.retry_email(email, request.user)
        messages.success(request, _("The email was queued again."))
        return redirect("privacy_requests:inspect", email.object_id)


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
    list_display = [
        "__str__",
        "kind",
        StatusColumn("status", label=pgettext_lazy("privacy request", "Status")),
        "received_at",
        "due_at",
    ]
    filterset_class = QueueFilterSet
    exclude_form_fields = []

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("action/<int:pk>/", RequestActionView.as_view(), name="action"),
            path("answer/<int:pk>/", AnswerPreviewView.as_view(), name="answer"),
            path("email/<int:pk>/retry/", EmailRetryView.as_view(), name="retry_email"),
        ]
