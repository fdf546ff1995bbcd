"""Anything that changes what creators' pages may show bumps the cache state (creators.cache).

Connected in `CreatorsConfig.ready()`, as every app's handlers are (`connect()` in `ready()`)."""

from .cache import bump_state
from .search_index import reindex_after_commit


def creator_changed(sender, instance, **kwargs):
    bump_state(instance)


def consent_recorded(sender, instance, raw=False, **kwargs):
    # An entry's consents (a new visitor, no creator yet) change nothing on the site.
    if instance.creator_id is not None and not raw:
        bump_state(instance.creator_id)


# A page published, unpublished or deleted is purged with its neighbours by home.purge.
def creators_changed(sender, instance, **kwargs):
    bump_state(purge=False)
    if instance.creator_id is not None:  # the works crediting the page, found by its name
        reindex_after_commit(instance.creator_id)
