"""A per-address limit on entry submissions, kept in Django's cache (Redis in production).

Each address may post `CREATORS_ENTRY_RATE_LIMIT = (count, seconds)` times per window; the window
starts with the first post. The cache is shared by every app server, so the limit holds behind a
load balancer as long as REMOTE_ADDR is the visitor's address (set by the proxy in front).
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = (10, 3600)


@dataclass
class Verdict:
    allowed: bool
    retry_at: float  # a Unix timestamp: when the window ends

    @property
    def retry_after_seconds(self):
        return max(1, int(self.retry_at - time.time()))


def client_address(request):
    return request.META.get("REMOTE_ADDR") or "unknown"


def register_attempt(request, scope="entry"):
    count_limit, window = getattr(settings, "CREATORS_ENTRY_RATE_LIMIT", DEFAULT_LIMIT)
    address = client_address(request)
    count_key = f"creators:rate:{scope}:{address}:count"
    until_key = f"creators:rate:{scope}:{address}:until"
    now = time.time()
    cache.add(until_key, now + window, timeout=window)
    cache.add(count_key, 0, timeout=window)
    try:
        count = cache.incr(count_key)
    except ValueError:  # expired between add() and incr()
        cache.set(count_key, 1, timeout=window)
        count = 1
    retry_at = cache.get(until_key) or now + window
    return Verdict(allowed=count <= count_limit, retry_at=retry_at)
