"""Purge what a change alters, after the commit, in the page cache and at the CDN.

After the commit, never before: a request between the purge and the commit would read the old
rows and put them back in the cache. The CDN is told through `wagtail.contrib.frontend_cache`
(whose own publish handlers are not installed: they purge inside the publish transaction and
know nothing of consents); the call is made at once, and queued as a task to retry if the CDN
cannot be reached.

What a page change alters (`affected_pages`): the page itself (each of its cached paths), the
page above it (its listing), its translations (their language switcher and hreflang links),
whatever the page class says shows it (`pages_showing_this()`: the works that credit a creator,
the creators a work credits, a home page that features a work) and the sitemap. A change near the
top of the tree (a home page or a page in the navigation) alters every page: the whole site.
"""

import logging
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.urls import reverse
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import page_cache
from .models import HomePage
from .page_cache import cache, path_generation_key, tree_generation_key
from .site_structure import setting_models

logger = logging.getLogger(__name__)
NAVIGATION_DEPTH = 3  # the root (1), the home pages (2), the pages in their menu (3)


class Purge:
    """URLs to purge: exact paths, whole trees (a page with parametrised sub-pages), or all."""

    def __init__(self):
        self.urls = set()
        self.trees = set()
        self.everything = False
        self.pending = []  # pages whose URLs are read at the commit (after every handler ran)

    def add_url(self, url, tree=False):
        (self.trees if tree else self.urls).add(url)

    def add_page(self, page):
        self.pending.append(page)

    def resolve(self):
        """Read the pages' URLs now (a page about to be deleted has none after the commit)."""
        pages, self.pending = self.pending, []
        for page in pages:
            self.add_page_urls(page)

    def add_page_urls(self, page):
        page = page.specific_deferred
        root_url = page.get_full_url()
        if root_url is None:
            return
        paths = set(page.get_cached_paths()) | set(fixed_routes(page))
        for path in paths:
            self.add_url(root_url + path.lstrip("/"))
        if has_parametrised_routes(page):
            self.add_url(root_url, tree=True)

    def add_sitemap(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            self.add_url(site.root_url + reverse("sitemap"))

    def schedule(self):
        """Run after the current transaction commits (at once outside one)."""
        transaction.on_commit(self.run, robust=True)

    def run(self):
        self.resolve()
        keys = [path_generation_key(urlsplit(url).path) for url in self.urls]
        keys += [tree_generation_key(urlsplit(url).path) for url in self.trees]
        if self.everything:
            keys.append(page_cache.SITE_GENERATION)
        cache.delete_many(keys)
        purge_at_cdn(sorted(self.urls | self.trees))


def routes(page):
    if not isinstance(page, RoutablePageMixin):
        return []
    return [str(pattern.pattern) for pattern in page.get_subpage_urls()]


def fixed_routes(page):
    """A routable page's sub-pages without parameters (a feed, a history)."""
    return [route for route in routes(page) if "<" not in route and "(" not in route]


def has_parametrised_routes(page):
    return any("<" in route or "(" in route for route in routes(page))


def purge_at_cdn(urls):
    if not urls:
        return
    try:
        purge_urls_from_cache_task.call(urls)
    except Exception:  # the CDN's API is down or refuses: try again from the task queue
        logger.exception("CDN purge failed; queued for retry: %s", urls)
        purge_urls_from_cache_task.enqueue(urls)


def affected_pages(page):
    page = page.specific_deferred
    pages = [page]
    # The page above (its listing) and the home page of its language (its latest and featured).
    pages += list(page.get_ancestors().filter(depth__in={2, page.depth - 1}))
    pages += list(page.get_translations().live())
    pages += list(HomePage.objects.live().filter(featured_works__page=page))
    showing = getattr(page, "pages_showing_this", None)
    if callable(showing):
        pages += list(showing())
    return pages


def purge_page(page, everything=False, now=False):
    purge = Purge()
    for each in affected_pages(page):
        purge.add_page(each)
    if now:
        purge.resolve()
    purge.add_sitemap()
    purge.everything = everything or page.depth <= NAVIGATION_DEPTH
    purge.schedule()
    return purge


def purge_pages(pages):
    purge = Purge()
    for page in pages:
        purge.add_page(page)
    purge.add_sitemap()
    purge.schedule()
    return purge


def purge_everything():
    """The whole site: a setting shown on every page changed (the inquiry window, say)."""
    purge = Purge()
    purge.everything = True
    for page in Page.objects.live().filter(depth=2):
        purge.add_page(page)
    purge.add_sitemap()
    purge.schedule()
    return purge


def purge_page_cache():
    """Every copy in the page cache, after the commit: a change was scheduled that the copies
    were not kept short for (home.page_cache). The CDN's copies are purged when it goes live."""
    purge = Purge()
    purge.everything = True
    purge.schedule()
    return purge


def on_publish_or_unpublish(sender, instance, **kwargs):
    purge_page(instance)


def on_delete(sender, instance, **kwargs):
    # Before the row goes: its URL and neighbours can still be found. Purged after the commit.
    if isinstance(instance, Page) and instance.depth and instance.depth > 1:
        purge_page(instance, now=True)


def on_move_or_slug_change(sender, instance, **kwargs):
    # Every URL below the page changed: the old copies must go, everywhere.
    purge_page(instance, everything=True)


def on_site_setting_saved(sender, instance, created=False, **kwargs):
    # A row created on first read (`load()`) holds the defaults every page already shows.
    if not created:
        purge_everything()


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="home.purge.published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="home.purge.unpublished")
    pre_delete.connect(on_delete, dispatch_uid="home.purge.deleted")
    page_slug_changed.connect(on_move_or_slug_change, dispatch_uid="home.purge.slug")
    post_page_move.connect(on_move_or_slug_change, dispatch_uid="home.purge.moved")
    for model in setting_models():
        post_save.connect(on_site_setting_saved, sender=model, dispatch_uid=f"home.purge.{model}")
