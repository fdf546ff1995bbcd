"""A state counter for caches that hold anything derived from creators' consent.

Every consent record, creator change, erasure or suspension bumps the counter (creators.cache),
and every cache key that depends on what creators allow to publish includes it. A withdrawal
therefore misses every cached copy on the very next request, on any number of app servers sharing
the cache. The page models build their keys with it, so it stands below them.
"""

import time

from django.core.cache import cache

STATE_KEY = "creators:state"


def current_state():
    state = cache.get(STATE_KEY)
    if state is None:
        # add() so that two servers starting at once agree on one value.
        cache.add(STATE_KEY, time.time_ns(), timeout=None)
        state = cache.get(STATE_KEY, 0)
    return state


def bump():
    try:
        cache.incr(STATE_KEY)
    except ValueError:
        # The counter was evicted: a fresh, never-used value keeps old keys unreachable.
        cache.set(STATE_KEY, time.time_ns(), timeout=None)


def state_key(*parts):
    return ":".join(["creators", str(current_state()), *map(str, parts)])
