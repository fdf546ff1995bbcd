"""The one definition of "a work a visitor may see", used by every list of works."""

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from home.site_structure import exclude_private

# The renditions a work card shows (templates/works/work-card.html), of the 27 made of a poster:
# prefetching every one made the works index build some 250 rendition objects per request.
CARD_RENDITION_SPECS = Filter.expand_spec("format-{avif,webp,jpeg}|fill-{480x270,960x540}")


def card_renditions():
    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        "poster__renditions", queryset=renditions.filter(filter_spec__in=CARD_RENDITION_SPECS)
    )


def visible_works(locale=None):
    """Live, public, unexpired works (newest first), ready to render as cards in a fixed
    number of queries: the poster and its renditions come with them."""
    from .models import WorkPage

    works = (
        exclude_private(WorkPage.objects.live())
        .exclude(Q(expired=True) | Q(expire_at__lte=timezone.now()))
        .select_related("poster")
        .prefetch_related(card_renditions(), "categories")
        .defer_streamfields()
        .order_by("-release_date", "-pk")
    )
    if locale is not None:
        works = works.filter(locale=locale)
    return works


def featured_works(home_page):
    """The home page's featured works that a visitor may see, in the editor's order."""
    # A translated home page may still point at the other language's works: match them by
    # translation key and show the ones in this home page's language.
    featured = home_page.featured_works.select_related("page")
    order = {item.page.translation_key: item.sort_order for item in featured}
    works = visible_works().filter(locale_id=home_page.locale_id, translation_key__in=list(order))
    return sorted(works, key=lambda work: order[work.translation_key])
