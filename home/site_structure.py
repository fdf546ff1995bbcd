"""What every page shows around its content, kept in the shared cache (Redis in production).

Every page asks the same things before and around its own content: which site this is (and its
root page), the locales, the view restrictions, the navigation, the translations for the language
switcher and hreflang links, the site settings. They change only when an editor publishes,
unpublishes, moves or deletes a page, saves a setting, a site, a locale, an image or a view
restriction, or a creator's consent changes; they are read on every request. So they are kept in
the shared cache under one generation, which every such change moves.

Invalidation without a race, as for the page cache and the policy schedule: the generation is
read before the database, and a change deletes it at once (the same transaction then sees its own
change) and again after its commit, so a request that read the old rows while the change was
committing stores its answer under a generation nobody reads any more. Any number of app servers
share the cache, so a change made through one is seen by every other on the next request. While
the cache is down, everything is read from the database, as before.
"""

import secrets

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

GENERATION_KEY = "structure:generation"
SECONDS = 3600  # a bound on memory, not on freshness: every change moves the generation
# Saving a draft (a revision, autosave, a lock) changes none of what visitors are shown.
DRAFT_ONLY_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}
MISSING = object()


def generation():
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, secrets.token_hex(6), timeout=None)  # one value for all servers
        current = cache.get(GENERATION_KEY)
    return current  # None while the cache is down


def remembered(name, compute):
    """`compute()`, kept under the current generation."""
    current = generation()
    if current is None:
        return compute()
    key = f"structure:{current}:{name}"
    stored = cache.get(key, MISSING)
    if stored is MISSING:
        stored = compute()
        cache.set(key, stored, SECONDS)
    return stored


def changed(*args, **kwargs):
    """Forget everything now and again once the current transaction commits."""
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY), robust=True)


def page_saved(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    changed()


def setting_saved(sender, instance, created=False, **kwargs):
    # A row created on first read (`load()`) holds the defaults every page already shows; the
    # admin saves the row it loaded, so an editor's change is never a creation.
    if not created:
        changed()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        changed()


# The site and its root page --------------------------------------------------------------


def find_site(request):
    """Wagtail's own choice of site for the request, with its root page as its own type."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 (loaded now, so that it is kept with the site)
    return site


def site_for_request(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    return remembered(f"site:{hostname}:{request.get_port()}", lambda: find_site(request))


def localized_root(site):
    """The site's root page in the active language, as its own type (what Wagtail routes from:
    `site.root_page.localized.specific`)."""

    def compute():
        root = site.root_page.localized.specific
        related = getattr(root, "route_select_related", ())
        return type(root).objects.select_related(*related).get(pk=root.pk) if related else root

    return remembered(f"root:{site.pk}:{get_language()}", compute)


def with_locale(page):
    page.locale = locale_by_id(page.locale_id)
    return page


def children_by_slug(page):
    """{slug: child page as its own type} of a page near the top (a home page): the sections
    every visitor passes through, found without a query."""
    return remembered(
        f"children:{page.pk}",
        lambda: {child.slug: with_locale(child) for child in page.get_children().specific()},
    )


# Locales ---------------------------------------------------------------------------------


def locales():
    """{language code: Locale} for every locale."""
    return remembered("locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()})


def locale_by_id(locale_id):
    return next((loc for loc in locales().values() if loc.pk == locale_id), None)


# View restrictions -----------------------------------------------------------------------


def _restrictions():
    return {
        "aliases": Page.objects.filter(alias_of__isnull=False).exists(),
        "paths": list(
            PageViewRestriction.objects.values_list("page__path", "pk").order_by("page__path")
        ),
    }


def restrictions():
    """{"paths": [(path of a restricted page, restriction id)], "aliases": any alias pages?}"""
    return remembered("view-restrictions", _restrictions)


def view_restrictions(page):
    """The view restrictions covering `page` (Wagtail's `Page.get_view_restrictions()`), with
    no query for a page that none covers. An alias takes its original's restrictions, so with
    any alias on the site Wagtail's own query answers."""
    known = restrictions()
    if known["aliases"]:
        return None
    ids = [pk for path, pk in known["paths"] if page.path.startswith(path)]
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


def is_public(page):
    """No view restriction on `page` or above it (Wagtail's `.public()`, for one page)."""
    return not any(page.path.startswith(path) for path, _ in restrictions()["paths"])


def exclude_private(pages):
    """`pages.public()` (no page in a private section), without a query for the restrictions."""
    paths = {path for path, _ in restrictions()["paths"]}
    if not paths:
        return pages
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private)


# Signals ---------------------------------------------------------------------------------


def connect():
    uid = "home.site_structure"
    post_save.connect(page_saved, dispatch_uid=f"{uid}.page_saved")
    post_delete.connect(page_deleted, dispatch_uid=f"{uid}.page_deleted")
    # Unpublishing and moving update descendants in bulk (no post_save for them).
    page_unpublished.connect(changed, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(changed, dispatch_uid=f"{uid}.moved")
    page_slug_changed.connect(changed, dispatch_uid=f"{uid}.slug")
    for model in setting_models():
        label = model._meta.label_lower
        post_save.connect(setting_saved, sender=model, dispatch_uid=f"{uid}.saved.{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}.deleted.{label}")
    footer_link = apps.get_model("home", "FooterLink")  # by name: home.models imports this module
    for model in [Site, Locale, PageViewRestriction, get_image_model(), footer_link]:
        label = model._meta.label_lower
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}.saved.{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}.deleted.{label}")
    m2m_changed.connect(
        changed, sender=PageViewRestriction.groups.through, dispatch_uid=f"{uid}.groups"
    )


def setting_models():
    """Every model of site-wide settings (Wagtail's generic and per-site settings), of any app."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, (BaseGenericSetting, BaseSiteSetting))
    ]
