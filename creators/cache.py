"""A state counter for caches that hold anything derived from creators' consent.

Every consent record, creator change, erasure or suspension bumps the counter, and every cache key
that depends on what creators allow to publish includes it. A withdrawal therefore misses every
cached copy on the very next request, on any number of app servers sharing the cache.
"""

import time

from django.core.cache import cache
from django.db import transaction

STATE_KEY = "creators:state"


def current_state():
    state = cache.get(STATE_KEY)
    if state is None:
        # add() so that two servers starting at once agree on one value.
        cache.add(STATE_KEY, time.time_ns(), timeout=None)
        state = cache.get(STATE_KEY, 0)
    return state


def bump_state():
    """Bump once the current transaction commits (at once outside one).

    Bumping before the commit would let a request arriving in between read the old rows and
    cache them under the new key, where every server would serve them until they expire.
    `robust`: a cache outage must not undo or fail the change that was just committed.
    """
    transaction.on_commit(_bump, robust=True)


def _bump():
    try:
        cache.incr(STATE_KEY)
    except ValueError:
        # The counter was evicted: a fresh, never-used value keeps old keys unreachable.
        cache.set(STATE_KEY, time.time_ns(), timeout=None)


def state_key(*parts):
    return ":".join(["creators", str(current_state()), *map(str, parts)])
