"""django-redis, made to survive a Redis outage.

While Redis cannot be reached, every cache call answers as a miss at once (reads return the
default, writes do nothing) and the site is served uncached: the outage is logged once when it
starts and once when it ends, not once per call. After a failure the process leaves Redis alone
for `CACHE_RETRY_SECONDS` (a circuit breaker), so a page is not slowed by one timeout per call.

When Redis answers again, the process that saw the outage empties the cache before it uses it:
an invalidation (a consent withdrawn, a page published) that failed during the outage must not
let an older copy come back. Rate limits notice the outage through `available()` and count in
the process instead (home.ratelimit).
"""

import functools
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django_redis.cache import RedisCache as BaseRedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
FAILURES = (ConnectionInterrupted, RedisError, OSError)

# One breaker per Redis location for the whole process (Django's cache objects are per thread).
_down_since = {}  # location -> time.monotonic() of the last failure while down
_outage_seen = set()  # locations to empty before their next use


class RedisCache(BaseRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = False  # handled here, with a breaker and one log line
        self._location = str(server)

    def is_available(self):
        failed_at = _down_since.get(self._location)
        retry = getattr(settings, "CACHE_RETRY_SECONDS", 2)
        return failed_at is None or time.monotonic() - failed_at >= retry

    def _failed(self, error):
        if self._location not in _outage_seen:
            logger.error("Cache unavailable, serving uncached until it returns: %r", error)
        _down_since[self._location] = time.monotonic()
        _outage_seen.add(self._location)

    def _recovered(self):
        # Whatever was invalidated during the outage may still be in Redis: start empty.
        self.client.clear()
        _down_since.pop(self._location, None)
        _outage_seen.discard(self._location)
        logger.warning("Cache available again; emptied it, since invalidations were missed")


def _tolerant(name, fallback):
    method = getattr(BaseRedisCache, name)

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if not self.is_available():
            return fallback
        try:
            if self._location in _outage_seen:
                self._recovered()
            return method(self, *args, **kwargs)
        except FAILURES as error:
            self._failed(error)
            return fallback

    return call


_FALLBACKS = {
    "get": None,
    "get_many": {},
    "set": False,
    "set_many": [],
    "add": False,
    "delete": False,
    "delete_many": 0,
    "delete_pattern": 0,
    "clear": False,
    "incr": None,
    "decr": None,
    "has_key": False,
    "touch": False,
    "ttl": None,
    "expire": False,
}
for _name, _fallback in _FALLBACKS.items():
    setattr(RedisCache, _name, _tolerant(_name, _fallback))


def _get(self, key, default=None, version=None, client=None):
    value = RedisCache._get_or_miss(self, key, default, version, client)
    return default if value is _MISS else value


_MISS = object()
RedisCache._get_or_miss = _tolerant("get", _MISS)
RedisCache.get = _get


def available(alias="default"):
    """False while this cache is known to be down (a local-memory cache is always available)."""
    backend = caches[alias]
    return backend.is_available() if hasattr(backend, "is_available") else True
