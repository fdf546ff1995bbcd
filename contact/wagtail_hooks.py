from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_columns import InWordsInspectView, do_not_contact_column, notified_column
from home.personal_data import PersonalDataHandler, RetentionRule

from .models import Inquiry
from .personal_data import (
    delete_inquiries,
    email_is_suspended,
    erase_for_email,
    export_for_email,
    suspend_for_email,
)


@hooks.register("register_personal_data")
def contact_personal_data():
    return PersonalDataHandler(
        name="contact",
        models=[Inquiry],
        description=_(
            "Business inquiries: company, name, email, phone, kind of project, budget range, "
            "message, and the record of agreement to the privacy policy"
        ),
        purpose=_("To answer the inquiry and to discuss and carry out the project"),
        retention=[
            RetentionRule(
                name="business_inquiries",
                description=_("Business inquiries: erased %(days)s days after they arrive."),
                due=lambda cutoff: Inquiry.objects.filter(submitted_at__lt=cutoff),
                apply=delete_inquiries,
            )
        ],
        export=export_for_email,
        erase=erase_for_email,
        suspend=suspend_for_email,
        is_suspended=email_is_suspended,
    )


class InquiryViewSet(ModelViewSet):
    """Read by the Privacy officers group only (ModelPermissionPolicy: view_inquiry)."""

    model = Inquiry
    icon = "mail"
    menu_label = _("Business inquiries")
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = InWordsInspectView
    list_display = [
        "__str__",
        "company",
        "project_kind",
        "budget",
        "submitted_at",
        notified_column(),
        do_not_contact_column(),
    ]
    list_filter = ["project_kind", "budget", "suspended"]
    search_backend_name = None
    search_fields = ["company", "name", "email"]
    form_fields = ["suspended"]


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return InquiryViewSet("business_inquiries")
