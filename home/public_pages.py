"""Pages that must stay public, and the view restrictions that would hide them.

The privacy policy (Article 8), the creator entry form (Article 3.8) and the privacy-request page
(Articles 5 to 7) are what a visitor needs before anything else, so no view restriction
("Change privacy": login, password, groups) may cover them: not on the page, not on any page
above it. A page type says so with `always_public = True`; this module enforces it for the
admin (no privacy options offered on such a page or its ancestors) and for the model layer
(saving a PageViewRestriction that would cover one is refused, whoever saves it: the admin,
wagtail-localize copying restrictions to a translation, code).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models


def always_public_models():
    return [model for model in get_page_models() if getattr(model, "always_public", False)]


def covered_always_public_pages(page):
    """The always-public pages at or below `page`."""
    models = always_public_models()
    if not models:
        return Page.objects.none()
    return Page.objects.descendant_of(page, inclusive=True).type(*models)


def refuse_covering_restriction(sender, instance, **kwargs):
    """pre_save of PageViewRestriction."""
    covered = covered_always_public_pages(instance.page).first()
    if covered is not None:
        raise ValidationError(
            _(
                "“%(page)s” must stay public for every visitor, so no view restriction may be "
                "set on it or on a page above it."
            )
            % {"page": covered.get_admin_display_title()},
            code="always_public",
        )
