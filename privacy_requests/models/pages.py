"""The public page where a person asks for disclosure, correction, deletion or suspension of use."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index

from home.form_pages import PublicFormPageMixin
from home.models import BasePage

from .. import views
from ..forms import PrivacyRequestForm
from .requests import PrivacyRequest


class PrivacyRequestPage(PublicFormPageMixin, BasePage):
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
        help_text=_("Optional: how the disclosure fee is paid. The fee itself is always shown."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("fee_note")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy requests page")

    # The form, posted through home.form_pages like every public form; it takes no consent
    # and its landing page shows no receipt: `sent/` must not reveal anything.
    form_class = PrivacyRequestForm
    rate_limit = ("privacy-requests:submit", *views.RATE_LIMIT)
    landing_page_route = "sent"
    landing_page_template = "privacy_requests/sent.html"

    def get_form_context(self, request, form):
        return {"kinds": PrivacyRequest.Kind}

    def process_form_submission(self, form, request):
        return views.store_request(form, self, request)

    @path("sent/")
    def sent(self, request):
        return self.render_landing_page(request, {"noindex": True})

    # The per-person steps are the public views (privacy_requests.views).
    @path("confirm/<str:token>/")
    def confirm(self, request, token):
        return views.confirm(request, self, token)

    @path("answer/<str:token>/")
    def answer(self, request, token):
        return views.answer_download(request, self, token)

    @path("resend/")
    def resend(self, request):
        return views.resend(request, self)
