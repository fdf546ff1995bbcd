from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from home.models import BasePage


class AITool(TranslatableMixin, models.Model):
    """An AI tool used in production. Shared: works list them, and the creator entry form
    offers the same list."""

    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("AI tool")
        verbose_name_plural = _("AI tools")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WorksIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["works.WorkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("works index page")


class WorkPage(BasePage):
    parent_page_types = ["works.WorksIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("work page")
