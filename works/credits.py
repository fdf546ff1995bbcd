"""Credits as a visitor sees them, and as an editor is told which ones are hidden.

A person is credited through their creator profile: the line shows the name that person
consents to publish now, and disappears entirely when there is none (a role with an empty name
still said someone was there). An organisation's name is shown as typed.

works imports nothing from creators: a linked page answers `credit_name()` and
`credit_hidden_reason()` itself, and a page class can load what those need for many pages at
once through `prefetch_for_credits(pages)`.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.prefetch import prefetch_by_page_type
from home.site_structure import restrictions

PERSON = "person"
ORGANISATION = "organisation"


def _is_public(page, private_paths):
    return not any(page.path.startswith(path) for path in private_paths)


def _in_locale(pages, locale, private_paths):
    """{page pk: the page as its own type, in `locale` where a live translation exists}, one
    query per page type however many pages and languages: the translations come in the same
    query, and a page class names the relations its credit needs (`credit_select_related`)."""
    by_class = defaultdict(list)
    for page in pages:
        by_class[page.specific_class or Page].append(page)
    chosen = {}
    for cls, group in by_class.items():
        keys = {page.translation_key for page in group if page.locale_id != locale.pk}
        wanted = Q(pk__in=[page.pk for page in group])
        if keys:
            wanted |= Q(translation_key__in=keys, locale=locale, live=True)
        related = getattr(cls, "credit_select_related", ())
        found = list(cls.objects.filter(wanted).select_related(*related))
        translations = {
            page.translation_key: page
            for page in found
            if page.locale_id == locale.pk and page.live and _is_public(page, private_paths)
        }
        own = {page.pk: page for page in found}
        for page in group:
            if page.pk in own:
                chosen[page.pk] = translations.get(page.translation_key, own[page.pk])
    return chosen


def linked_pages(page_ids, locale, pages=None):
    """{linked page id: the live, public page to credit}, in `locale` where a translation is
    live (an English work links to the English profile), else the linked page itself.
    `pages`: the linked pages when the caller already has them (not as their own type)."""
    if not page_ids:
        return {}
    if pages is None:
        pages = Page.objects.filter(pk__in=page_ids)
    private_paths = [path for path, _ in restrictions()["paths"]]
    linked = [page for page in pages if page.live and _is_public(page, private_paths)]
    chosen = _in_locale({page.pk: page for page in linked}.values(), locale, private_paths)
    prefetch_by_page_type(
        {page.pk: page for page in chosen.values()}.values(), "prefetch_for_credits"
    )
    return chosen


def credit_line(credit, pages):
    """{"role", "name", "page", "kind"}, or None when the line must not be shown."""
    role = str(credit.get_role_display())
    if credit.creator_page_id:
        page = pages.get(credit.creator_page_id)
        credit_name = getattr(page, "credit_name", None)
        name = credit_name() if callable(credit_name) else ""
        if not name:
            return None
        return {"role": role, "name": name, "page": page, "kind": PERSON}
    if credit.organisation:
        return {"role": role, "name": credit.organisation, "page": None, "kind": ORGANISATION}
    return None


def credits_for(work):
    """The lines a visitor sees, in the editor's order."""
    credits = list(work.credits.select_related("creator_page"))
    ids = {c.creator_page_id for c in credits if c.creator_page_id}
    linked = [c.creator_page for c in credits if c.creator_page_id]
    pages = linked_pages(ids, work.locale, pages=linked)
    return [line for credit in credits if (line := credit_line(credit, pages)) is not None]


def hidden_credits(work):
    """[(credit, why)] for the credits visitors do not see, for the editor of the work."""
    credits = list(work.credits.all())
    ids = {c.creator_page_id for c in credits if c.creator_page_id}
    every = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    prefetch_by_page_type(every.values(), "prefetch_for_credits")
    shown = linked_pages(ids, work.locale)
    hidden = []
    for credit in credits:
        if credit_line(credit, shown) is not None:
            continue
        page = every.get(credit.creator_page_id)
        if page is None:
            why = _("No creator is chosen and no organisation is typed.")
        elif not hasattr(page, "credit_hidden_reason"):
            why = _("The chosen page is not a creator profile.")
        elif not page.live:
            why = _("The creator's profile is not published.")
        else:
            why = page.credit_hidden_reason() or _("The creator's profile is not public.")
        hidden.append((credit, page, why))
    return hidden
