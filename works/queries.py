"""The one definition of "a work a visitor may see", used by every list of works."""

from django.db.models import Q
from django.utils import timezone


def visible_works(locale=None):
    """Live, public, unexpired works (newest first), ready to render as cards in a fixed
    number of queries: the poster and its renditions come with them."""
    from .models import WorkPage

    works = (
        WorkPage.objects.live()
        .public()
        .exclude(Q(expired=True) | Q(expire_at__lte=timezone.now()))
        .select_related("poster")
        .prefetch_related("poster__renditions", "categories")
        .defer_streamfields()
        .order_by("-release_date", "-pk")
    )
    if locale is not None:
        works = works.filter(locale=locale)
    return works
