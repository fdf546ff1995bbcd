"""Admin listings of creators and entries, for the Privacy officers group only.

Wagtail's ModelPermissionPolicy guards every view: a user without the model's permissions (Editors,
Translators) gets "permission denied". Search runs in the database (search_backend_name = None)
so that no personal data is copied into Wagtail's search index.
"""

import django_filters
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.models import ModelLogEntry

from home.spreadsheets import neutralise_formula

from .models import PERSONAL_FIELDS, Creator, Entry


class SafeExportIndexView(generic.IndexView):
    """CSV/XLSX export that neutralises spreadsheet formulas and leaves an audit trail."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        items = list(queryset)
        now = timezone.now()
        ModelLogEntry.objects.bulk_create(
            ModelLogEntry(
                content_type_id=self.model_content_type_id(),
                object_id=str(item.pk),
                label=str(item),
                action="creators.exported",
                user=self.request.user,
                data={"format": spreadsheet_format},
                timestamp=now,
            )
            for item in items
        )
        return super().as_spreadsheet(items, spreadsheet_format)

    def model_content_type_id(self):
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(self.model).pk


class EntryIndexView(SafeExportIndexView):
    @cached_property
    def header_buttons(self):
        return super().header_buttons + [
            HeaderButton(
                _("Retry emails not sent"),
                url=reverse("creators_entry:retry_all"),
                icon_name="mail",
            )
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.notified:
            buttons.append(
                ListingButton(
                    _("Retry emails"),
                    url=reverse("creators_entry:retry", args=[instance.pk]),
                    icon_name="mail",
                    priority=35,
                )
            )
        buttons.append(
            ListingButton(
                _("Creator and draft profile…"),
                url=reverse("creators_entries_to_convert"),
                icon_name="user",
                priority=40,
            )
        )
        return buttons


class EntryFilterSet(WagtailFilterSet):
    notified = django_filters.BooleanFilter(label=_("Notified"), method="filter_notified")

    class Meta:
        model = Entry
        fields = ["language", "suspended"]

    def filter_notified(self, queryset, name, value):
        sent = {"studio_notified_at__isnull": False, "receipt_sent_at__isnull": False}
        return queryset.filter(**sent) if value else queryset.exclude(**sent)


class EntryViewSet(ModelViewSet):
    model = Entry
    icon = "mail"
    menu_label = _("Entries")
    index_view_class = EntryIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["name", "stage_name", "email", "message", "achievements"]
    filterset_class = EntryFilterSet
    # The first column is the title column: it carries the row's action buttons.
    list_display = [
        "__str__",
        "name",
        "email",
        "language",
        "submitted_at",
        BooleanColumn("notified", label=_("Notified")),
        Column("notify_error", label=_("Last email error")),
    ]
    list_export = ["pk", "submitted_at", *PERSONAL_FIELDS, "message", "notified", "suspended"]
    export_filename = "creator-entries"
    form_fields = [
        "name",
        "stage_name",
        "email",
        "phone",
        "expertise",
        "expertise_other",
        "portfolio_url",
        "ai_tools",
        "ai_tools_other",
        "achievements",
        "message",
        "suspended",
    ]

    def get_urlpatterns(self):
        from .admin_views import retry_emails

        return super().get_urlpatterns() + [
            path("retry/", retry_emails, name="retry_all"),
            path("retry/<int:pk>/", retry_emails, name="retry"),
        ]


class CreatorIndexView(SafeExportIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingButton(
                _("Record consent"),
                url=reverse("creators_record_consent", args=[instance.pk]),
                icon_name="tick-inverse",
                priority=40,
            )
        )
        if self.request.user.has_perm("creators.add_thirdpartyprovision"):
            buttons.append(
                ListingButton(
                    _("Introductions to clients"),
                    url=reverse("creators_introductions", args=[instance.pk]),
                    icon_name="group",
                    priority=45,
                )
            )
        return buttons


class CreatorViewSet(ModelViewSet):
    model = Creator
    icon = "user"
    menu_label = _("Creators")
    index_view_class = CreatorIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["name", "stage_name", "email"]
    list_filter = ["language", "suspended"]
    list_display = ["__str__", "name", "stage_name", "email", "suspended"]
    list_export = ["pk", "name", "stage_name", "email", "phone", "expertise", "portfolio_url"]
    export_filename = "creators"
    form_fields = EntryViewSet.form_fields[:-2] + ["language", "suspended"]


class CreatorsAdminGroup(ViewSetGroup):
    menu_label = _("Creators (personal data)")
    menu_icon = "user"
    menu_order = 310
    items = [CreatorViewSet("creators_creator"), EntryViewSet("creators_entry")]
