"""Pages editors make without a developer: a general content page (services, terms for
creators) and the company profile (会社概要), whose facts come from the site settings so that
the profile, the footer and the Organization structured data never disagree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import ContentStreamBlock
from home.models import BasePage


class ContentPage(BasePage):
    intro = models.CharField(
        _("introduction"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title, also used as the share text."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "pages.ContentPage", "pages.CompanyProfilePage"]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class CompanyProfilePage(BasePage):
    """The company profile at /<lang>/about/: the settings' facts, then the editor's stream."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pages.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("company profile page")
