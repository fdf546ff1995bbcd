from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BaseStreamBlock


class CreditsBlock(blocks.StructBlock):
    """Places the work's credits (edited in the Credits panel) at this point of the body."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))

    class Meta:
        icon = "group"
        template = "blocks/credits.html"
        description = _("Shows the work's credits here instead of after the body.")
        label = _("Credits")


class WorkBodyBlock(BaseStreamBlock):
    credits = CreditsBlock()
