"""Admin listings of creators and entries, for the Privacy officers group only.

Wagtail's ModelPermissionPolicy guards every view: a user without the model's permissions (Editors,
Translators) gets "permission denied". Search runs in the database (search_backend_name = None)
so that no personal data is copied into Wagtail's search index.
"""

import datetime

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.models import ModelLogEntry

from home.admin_columns import (
    InWordsInspectView,
    do_not_contact_column,
    notified_column,
    row_button,
)
from home.outbox import OutboxEmail
from home.personal_data import human_value
from home.spreadsheets import neutralise_formula
from works.models import AITool

from .admin_views import retry_emails
from .choices import CONSENT_WHAT_CHOICES, EXPERTISE_CHOICES, expertise_labels
from .consent import consent_states
from .models import PERSONAL_FIELDS, Creator, Entry


class SafeExportIndexView(generic.IndexView):
    """CSV/XLSX export that neutralises spreadsheet formulas and leaves an audit trail, in words:
    headings as labels, choices and Yes/No in the officer's language, moments in Japan time."""

    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        datetime.datetime: {
            generic.IndexView.FORMAT_CSV: human_value,
            # A spreadsheet date has no time zone: Japan time, as everywhere in the admin.
            generic.IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(
                value, timezone.get_default_timezone()
            ),
        },
        bool: {
            generic.IndexView.FORMAT_CSV: human_value,
            generic.IndexView.FORMAT_XLSX: human_value,
        },
    }

    def get_heading(self, queryset, field):
        # as_spreadsheet() hands on the list of rows it logged: label from the model instead.
        heading = super().get_heading(self.model.objects.none(), field)
        if self.is_moment(field):  # a spreadsheet's date and time has no zone: the heading says it
            heading = _("%(heading)s (Japan time)") % {"heading": heading}
        return heading

    def is_moment(self, field):
        try:
            return isinstance(self.model._meta.get_field(field), models.DateTimeField)
        except FieldDoesNotExist:
            return False

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name in row:
            if name == "expertise":
                row[name] = expertise_labels(item.expertise)
            elif getattr(item, f"get_{name}_display", None):
                row[name] = getattr(item, f"get_{name}_display")()
        return row

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
                row_button(
                    _("Retry emails"), "creators_entry:retry", instance.pk, icon="mail", priority=35
                )
            )
        buttons.append(
            row_button(
                _("Creator and draft profile…"),
                "creators_entries_to_convert",
                icon="user",
                priority=40,
            )
        )
        return buttons


def ai_tool_choices():
    names = sorted(set(AITool.objects.values_list("name", flat=True)))
    return [(name, name) for name in names]


class ChecklistFormMixin:
    """Areas of expertise and AI tools as checkboxes, not the JSON they are stored as."""

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "expertise":
            choices = EXPERTISE_CHOICES
        elif db_field.name == "ai_tools":
            choices = ai_tool_choices
        else:
            return super().formfield_for_dbfield(db_field, **kwargs)
        return forms.MultipleChoiceField(
            label=capfirst(db_field.verbose_name),
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )


class PersonalRecordInspectView(InWordsInspectView):
    """The record in words: expertise and tool names, Yes/No, Japan time; never raw JSON."""

    def get_expertise_display_value(self):
        return human_value(self.object.expertise_labels())

    def get_ai_tools_display_value(self):
        return human_value(self.object.ai_tool_names())

    def get_consents_in_force_display_value(self):
        states = consent_states([self.object.pk])[self.object.pk]
        lines = []
        for what, label in CONSENT_WHAT_CHOICES:
            state = states.get(what)
            if state is None:
                word = _("never recorded")
            else:
                word = _("given") if state else _("withdrawn")
            lines.append(f"{label}: {word}")
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    def get_field_label(self, field_name, field):
        if field_name == "consents_in_force":
            return _("Consents in force")
        return super().get_field_label(field_name, field)


class EntryFilterSet(WagtailFilterSet):
    notified = django_filters.BooleanFilter(label=_("Notified"), method="filter_notified")

    class Meta:
        model = Entry
        fields = ["language", "suspended"]

    def filter_notified(self, queryset, name, value):
        unsent = queryset.filter(emails__in=OutboxEmail.objects.pending()).values("pk")
        return queryset.exclude(pk__in=unsent) if value else queryset.filter(pk__in=unsent)


class EntryViewSet(ChecklistFormMixin, ModelViewSet):
    model = Entry
    icon = "mail"
    menu_label = _("Entries")
    index_view_class = EntryIndexView
    inspect_view_class = PersonalRecordInspectView
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
        notified_column(),
        do_not_contact_column(),
        Column("last_email_error", label=_("Last email error")),
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
        return super().get_urlpatterns() + [
            path("retry/", retry_emails, name="retry_all"),
            path("retry/<int:pk>/", retry_emails, name="retry"),
        ]


class CreatorIndexView(SafeExportIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            row_button(
                _("Record consent"),
                "creators_record_consent",
                instance.pk,
                icon="tick-inverse",
                priority=40,
            )
        )
        if self.request.user.has_perm("creators.add_thirdpartyprovision"):
            buttons.append(
                row_button(
                    _("Introductions to clients"),
                    "creators_introductions",
                    instance.pk,
                    icon="group",
                    priority=45,
                )
            )
        return buttons


class CreatorViewSet(ChecklistFormMixin, ModelViewSet):
    model = Creator
    icon = "user"
    menu_label = _("Creators")
    index_view_class = CreatorIndexView
    inspect_view_class = PersonalRecordInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["name", "stage_name", "email"]
    list_filter = ["language", "suspended"]
    list_display = [
        "__str__",
        "name",
        "stage_name",
        "email",
        do_not_contact_column(),
    ]
    list_export = ["pk", "name", "stage_name", "email", "phone", "expertise", "portfolio_url"]
    export_filename = "creators"
    form_fields = EntryViewSet.form_fields[:-2] + ["language", "suspended"]
    inspect_view_fields = [
        "consents_in_force",
        *PERSONAL_FIELDS,
        "suspended",
        "created_at",
        "updated_at",
    ]


class CreatorsAdminGroup(ViewSetGroup):
    menu_label = _("Creators (personal data)")
    menu_icon = "user"
    menu_order = 310
    items = [CreatorViewSet("creators_creator"), EntryViewSet("creators_entry")]
