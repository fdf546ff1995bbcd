"""Credits as a visitor sees them: names only where the person consented.

works imports nothing from creators: a linked page answers `credit_name()` itself, and a page
class can load what that needs for many pages at once through `prefetch_for_credits(pages)`.
"""

from collections import defaultdict

from wagtail.models import Page


def visible_linked_pages(page_ids):
    """The live, public, specific pages among `page_ids`, with their credit data prefetched."""
    if not page_ids:
        return {}
    pages = list(Page.objects.live().public().filter(pk__in=page_ids).specific())
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for cls, group in by_class.items():
        prefetch = getattr(cls, "prefetch_for_credits", None)
        if callable(prefetch):
            prefetch(group)
    return {page.pk: page for page in pages}


def credit_line(credit, linked_pages):
    """{"role", "name", "page"}: a linked page gives its consented name (or nothing); the
    free-text name is only for people without a page, never a fallback for a linked one."""
    if credit.creator_page_id:
        page = linked_pages.get(credit.creator_page_id)
        name = page.credit_name() if page is not None and hasattr(page, "credit_name") else None
        return {"role": credit.role, "name": name or "", "page": page if name else None}
    return {"role": credit.role, "name": credit.name, "page": None}


def credits_for(work):
    credits = list(work.credits.all())
    linked = visible_linked_pages({c.creator_page_id for c in credits if c.creator_page_id})
    return [credit_line(credit, linked) for credit in credits]
