"""A state counter for caches that hold anything derived from creators' consent, and the purge
of every page that shows a creator.

Every consent record, creator change, erasure or suspension bumps the counter, and every cache key
that depends on what creators allow to publish includes it. A withdrawal therefore misses every
cached copy on the very next request, on any number of app servers sharing the cache. The pages
that show the creator (the profile, the creators index, every work that credits the person, the
sitemap) are purged from the page cache and the CDN after the same commit (`home.purge`).
"""

import time

from django.core.cache import cache
from django.db import transaction

from home.site_structure import changed as structure_changed

from .search_index import reindex_after_commit

STATE_KEY = "creators:state"


def current_state():
    state = cache.get(STATE_KEY)
    if state is None:
        # add() so that two servers starting at once agree on one value.
        cache.add(STATE_KEY, time.time_ns(), timeout=None)
        state = cache.get(STATE_KEY, 0)
    return state


def bump_state(creator=None, purge=True):
    """Bump once the current transaction commits (at once outside one), and purge the pages
    showing `creator` (a Creator or its id; every creator's pages when None) and index again
    the works crediting them.

    Bumping before the commit would let a request arriving in between read the old rows and
    cache them under the new key, where every server would serve them until they expire.
    `robust`: a cache outage must not undo or fail the change that was just committed.
    """
    transaction.on_commit(_bump, robust=True)
    structure_changed()  # the navigation and sections kept in the shared cache, too
    if purge:
        purge_pages_showing(creator)
        reindex_after_commit(creator)  # the works found by the name (creators.search_index)


def _bump():
    try:
        cache.incr(STATE_KEY)
    except ValueError:
        # The counter was evicted: a fresh, never-used value keeps old keys unreachable.
        cache.set(STATE_KEY, time.time_ns(), timeout=None)


def state_key(*parts):
    return ":".join(["creators", str(current_state()), *map(str, parts)])


def works_crediting(creator_pages):
    """Live works whose credits link to any of `creator_pages` (one place to adapt when credits
    point at creator records rather than pages)."""
    from wagtail.models import Page

    from works.models import WorkCredit

    work_ids = WorkCredit.objects.filter(creator_page__in=creator_pages).values("work_id")
    return Page.objects.live().filter(pk__in=work_ids)


def purge_pages_showing(creator=None):
    from home.purge import purge_pages

    from .models import CreatorPage, CreatorsIndexPage

    profiles = CreatorPage.objects.all()
    if creator is not None:
        profiles = profiles.filter(creator=getattr(creator, "pk", creator))
    profiles = list(profiles)
    indexes = CreatorsIndexPage.objects.live()
    if creator is not None:
        indexes = indexes.filter(pk__in=[page.get_parent().pk for page in profiles])
    purge_pages([*profiles, *indexes, *works_crediting(profiles)])
