"""The public page where a person asks for disclosure, correction, deletion or suspension of use."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models import BasePage


class PrivacyRequestPage(RoutablePageMixin, BasePage):
    always_public = True  # never behind a view restriction (home.public_pages)
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the form: what a person can ask for and how it is handled."),
    )
    fee_note = models.CharField(
        _("fee note"),
        max_length=250,
        blank=True,
        help_text=_("Optional: how the disclosure fee is paid. The 1,000 yen fee is always shown."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("fee_note")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy requests page")

    # The routes delegate to public_views so that the page model stays a thin shell.
    @path("")
    def request_form(self, request):
        from .. import views

        return views.request_form(request, self)

    @path("sent/")
    def sent(self, request):
        from .. import views

        return views.sent(request, self)

    @path("confirm/<str:token>/")
    def confirm(self, request, token):
        from .. import views

        return views.confirm(request, self, token)

    @path("resend/")
    def resend(self, request):
        from .. import views

        return views.resend(request, self)
