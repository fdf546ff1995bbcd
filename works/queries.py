"""The one definition of "a work a visitor may see" (`WorkPage.objects.visible()`), used by
every list of works."""

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.query import PageQuerySet

from home.site_structure import exclude_private

# The renditions a work card shows (templates/works/work-card.html), of the 27 made of a poster:
# prefetching every one made the works index build some 250 rendition objects per request.
CARD_RENDITION_SPECS = Filter.expand_spec("format-{avif,webp,jpeg}|fill-{480x270,960x540}")


def card_renditions():
    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        "poster__renditions", queryset=renditions.filter(filter_spec__in=CARD_RENDITION_SPECS)
    )


class WorkPageQuerySet(PageQuerySet):
    def visible(self, locale=None):
        """Live, public, unexpired works (newest first), ready to render as cards in a fixed
        number of queries: the poster and its renditions come with them."""
        works = (
            exclude_private(self.live())
            .exclude(Q(expired=True) | Q(expire_at__lte=timezone.now()))
            .select_related("poster")
            .prefetch_related(card_renditions(), "categories")
            .defer_streamfields()
            .order_by("-release_date", "-pk")
        )
        if locale is not None:
            works = works.filter(locale=locale)
        return works
