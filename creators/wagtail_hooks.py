from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.personal_data import PersonalDataHandler
from works.models import WorkCredit

from . import admin_views
from .chooser import creator_chooser_viewset
from .entries import email_is_suspended
from .models import Consent, Creator, Entry, ThirdPartyProvision
from .personal_data import (
    correction_links,
    describe_for_email,
    erase_for_email,
    export_for_email,
    suspend_for_email,
)
from .retention import RULES as RETENTION_RULES
from .viewsets import CreatorsAdminGroup


@hooks.register("register_admin_viewset")
def register_creators_viewsets():
    return CreatorsAdminGroup()


@hooks.register("register_admin_viewset")
def register_creator_chooser():
    return creator_chooser_viewset


@hooks.register("register_credit_person_chooser")
def credit_person_chooser():
    """The widget works' credits use to choose a person (works.panels)."""
    return creator_chooser_viewset.widget_class()


@hooks.register("register_admin_urls")
def register_creators_admin_urls():
    return [
        path(
            "creators/entries-to-convert/",
            admin_views.entries_to_convert,
            name="creators_entries_to_convert",
        ),
        path("creators/convert/<int:pk>/", admin_views.convert, name="creators_convert"),
        path("creators/decline/<int:pk>/", admin_views.decline, name="creators_decline"),
        path(
            "creators/introductions/<int:pk>/",
            admin_views.introductions,
            name="creators_introductions",
        ),
        path(
            "creators/record-consent/<int:pk>/",
            admin_views.record_consent,
            name="creators_record_consent",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_entries_to_convert_menu_item():
    return PermissionMenuItem(
        _("Creator entries"),
        reverse("creators_entries_to_convert"),
        icon_name="user",
        order=305,
        permission="creators.convert_entry",
    )


@hooks.register("register_log_actions")
def register_creators_log_actions(actions):
    actions.register_action("creators.exported", _("Exported"), _("Exported in a spreadsheet"))
    actions.register_action("creators.converted", _("Converted"), _("Turned into a profile"))
    actions.register_action("creators.consent_recorded", _("Consent"), _("Consent recorded"))
    actions.register_action("creators.declined", _("Declined"), _("Entry declined"))
    actions.register_action(
        "creators.introduced", _("Introduced"), _("Introduction to a client recorded")
    )


@hooks.register("register_personal_data")
def creators_personal_data():
    return PersonalDataHandler(
        name="creators",
        models=[Creator, Entry, Consent, ThirdPartyProvision, WorkCredit],
        description=_(
            "Creators' entries and profiles: name, stage name, email, phone, areas of "
            "expertise, portfolio URL, available AI tools, past achievements; the records of "
            "their consents and of their introductions to clients"
        ),
        purpose=_(
            "To consider and carry out work with the creator, to publish the details they "
            "consented to, and to introduce them to clients with their consent (Article 3, items 8 and 9; Article 4)"
        ),
        retention=RETENTION_RULES,
        export=export_for_email,
        erase=erase_for_email,
        suspend=suspend_for_email,
        correction_links=correction_links,
        describe=describe_for_email,
        is_suspended=email_is_suspended,
    )
