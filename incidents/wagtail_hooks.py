from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_columns import InWordsInspectView, YesNoColumn, row_button

from . import admin_views
from .models import Incident
from .personal_data import incidents_personal_data

hooks.register("register_personal_data", incidents_personal_data)


class IncidentIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + [
            row_button(
                _("People affected and notices"),
                "incidents_people",
                instance.pk,
                icon="group",
                priority=40,
            )
        ]


class IncidentViewSet(ModelViewSet):
    model = Incident
    icon = "warning"
    menu_label = _("Incidents")
    add_to_admin_menu = True
    menu_order = 320
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = InWordsInspectView
    search_backend_name = None
    list_display = [
        "__str__",
        "found_at",
        YesNoColumn(
            "malicious", label=capfirst(Incident._meta.get_field("malicious").verbose_name)
        ),
        "preliminary_reported_at",
        "final_reported_at",
    ]
    form_fields = [
        "found_at",
        "what_happened",
        "records_affected",
        "malicious",
        "preliminary_reported_at",
        "final_reported_at",
        "closed_at",
    ]

    index_view_class = IncidentIndexView


@hooks.register("register_admin_viewset")
def register_incident_viewset():
    return IncidentViewSet("incidents")


@hooks.register("register_admin_urls")
def register_incident_urls():
    return [
        path("incidents/<int:pk>/people/", admin_views.people, name="incidents_people"),
        path("incidents/<int:pk>/notify/", admin_views.notify, name="incidents_notify"),
    ]


@hooks.register("register_log_actions")
def register_incident_log_actions(actions):
    actions.register_action("incidents.people_added", _("People added"), _("People affected added"))
    actions.register_action("incidents.notices_sent", _("Notices sent"), _("Notices sent"))


class IncidentClocksPanel(Component):
    name = "incident_clocks"
    order = 40
    template_name = "wagtailadmin_panels/incident_clocks.html"

    def get_context_data(self, parent_context):
        incidents = Incident.objects.reports_pending().filter(closed_at__isnull=True)
        return {
            "incidents": [{"incident": i, "clocks": i.clocks()} for i in incidents],
            "heading": _("Incidents: report clocks"),
        }


@hooks.register("construct_homepage_panels")
def add_incident_clocks_panel(request, panels):
    if request.user.has_perm("incidents.view_incident"):
        panels.append(IncidentClocksPanel())
