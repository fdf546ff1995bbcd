"""Credits as a visitor sees them, and as an editor is told which ones are hidden.

A person is credited through their creator profile: the line shows the name that person
consents to publish now, and disappears entirely when there is none (a role with an empty name
still said someone was there). An organisation's name is shown as typed.

works imports nothing from creators: a linked page answers `credit_name()` and
`credit_hidden_reason()` itself, and a page class can load what those need for many pages at
once through `prefetch_for_credits(pages)`.
"""

from collections import defaultdict

from django.utils.translation import gettext as _
from wagtail.models import Page

PERSON = "person"
ORGANISATION = "organisation"


def _prefetch(pages):
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for cls, group in by_class.items():
        prefetch = getattr(cls, "prefetch_for_credits", None)
        if callable(prefetch):
            prefetch(group)


def linked_pages(page_ids, locale):
    """{linked page id: the live, public page to credit}, in `locale` where a translation is
    live (an English work links to the English profile), else the linked page itself."""
    if not page_ids:
        return {}
    linked = list(Page.objects.live().public().filter(pk__in=page_ids).specific())
    keys = {page.translation_key for page in linked if page.locale_id != locale.pk}
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale=locale)
        .specific()
    }
    chosen = {page.pk: translations.get(page.translation_key, page) for page in linked}
    _prefetch(list({page.pk: page for page in chosen.values()}.values()))
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
    credits = list(work.credits.all())
    pages = linked_pages({c.creator_page_id for c in credits if c.creator_page_id}, work.locale)
    return [line for credit in credits if (line := credit_line(credit, pages)) is not None]


def hidden_credits(work):
    """[(credit, why)] for the credits visitors do not see, for the editor of the work."""
    credits = list(work.credits.all())
    ids = {c.creator_page_id for c in credits if c.creator_page_id}
    every = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    _prefetch(list(every.values()))
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
