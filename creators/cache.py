"""Bumping the state counter of caches that hold anything derived from creators' consent
(creators.state), and the purge of every page that shows a creator.

Every consent record, creator change, erasure or suspension bumps the counter, and every cache key
that depends on what creators allow to publish includes it. A withdrawal therefore misses every
cached copy on the very next request, on any number of app servers sharing the cache. The pages
that show the creator (the profile, the creators index, every work that credits the person, the
sitemap) are purged from the page cache and the CDN after the same commit (`home.purge`).
"""

from django.db import transaction

from home.purge import purge_pages
from home.site_structure import changed as structure_changed

from .models import CreatorPage, CreatorsIndexPage
from .models.pages import works_crediting
from .search_index import reindex_after_commit
from .state import bump


def bump_state(creator=None, purge=True):
    """Bump once the current transaction commits (at once outside one), and purge the pages
    showing `creator` (a Creator or its id; every creator's pages when None) and index again
    the works crediting them.

    Bumping before the commit would let a request arriving in between read the old rows and
    cache them under the new key, where every server would serve them until they expire.
    `robust`: a cache outage must not undo or fail the change that was just committed.
    """
    transaction.on_commit(bump, robust=True)
    structure_changed()  # the navigation and sections kept in the shared cache, too
    if purge:
        purge_pages_showing(creator)
        reindex_after_commit(creator)  # the works found by the name (creators.search_index)


def purge_pages_showing(creator=None):
    profiles = CreatorPage.objects.all()
    if creator is not None:
        profiles = profiles.filter(creator=getattr(creator, "pk", creator))
    profiles = list(profiles)
    indexes = CreatorsIndexPage.objects.live()
    if creator is not None:
        indexes = indexes.filter(pk__in=[page.get_parent().pk for page in profiles])
    purge_pages([*profiles, *indexes, *works_crediting(profiles)])
