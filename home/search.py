"""Site search: Wagtail's search backend for every language. Japanese is found through the
terms every page indexes beside its text (`home.search_terms`), so the search reads nothing
of a backend's own index tables.
"""

from django.utils import timezone
from wagtail.models import Page

from .search_terms import has_cjk, query_terms


def search_pages(query, locale):
    """Live, public pages of `locale` that match `query`, best first."""
    query = " ".join(query.split())[:200]
    if not query:
        return Page.objects.none()
    pages = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1)
    # Past its expiry a page stays "live" until `publish_scheduled` runs: leave it out now.
    # (By id: the search backend filters only on indexed fields, and `id` is one of them.)
    expired = Page.objects.live().filter(expire_at__lte=timezone.now()).values_list("pk", flat=True)
    pages = pages.exclude(pk__in=list(expired))
    if has_cjk(query):
        query = query_terms(query)
    return pages.search(query, operator="and")
