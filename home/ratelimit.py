"""Per-address rate limits kept in Django's cache (Redis in production), so that a limit holds
across every app server. Used by the forms that anyone can post: the creator entry form and
privacy requests.

While the shared cache is down the limit is counted in this process instead: still a limit (each
app server process allows `limit` posts per window), logged, and back to the shared count as soon
as the cache returns. Refusing every post would lose entries; counting nothing would invite abuse.
"""

import hashlib
import logging
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone

from .resilient_cache import available

logger = logging.getLogger(__name__)
process_counts = LocMemCache("ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def client_address(request):
    """The visitor's address. Behind proxies, each appends the address it received the request
    from to X-Forwarded-For, so only the entries added by our own proxies can be trusted, and they
    are at the right: with N trusted proxies the visitor is the N-th entry from the right. The
    entries to its left are whatever the client sent."""
    trusted = int(getattr(settings, "RATE_LIMIT_TRUST_FORWARDED_FOR", 0) or 0)
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if trusted and hops:
        return hops[-min(trusted, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


@dataclass
class Verdict:
    allowed: bool
    retry_at: float  # Unix time at which the window ends

    @property
    def retry_after_seconds(self):
        return max(1, int(self.retry_at - time.time()))

    @property
    def retry_minutes(self):
        # Rounded up: "in about 1 minute" must never be said when 90 seconds remain.
        return math.ceil(self.retry_after_seconds / 60)


def _count(store, count_key, reset_key, window):
    now = time.time()
    if store.add(reset_key, now + window, window):
        store.set(count_key, 0, window)
    retry_at = store.get(reset_key) or now + window
    try:
        count = store.incr(count_key)
    except ValueError:  # the counter expired between the two calls
        store.set(count_key, 1, window)
        count = 1
    return count, retry_at


def hit(scope, request, limit, window):
    """Count one post from this address in `scope`; refuse past `limit` posts per `window` s."""
    return hit_key(scope, client_address(request), limit, window)


def hit_key(scope, key, limit, window):
    """Count one use of `key` (an address, an account) in `scope`; refuse past `limit` uses
    per `window` seconds."""
    # Hashed: the cache holds no one's address (or account) in the clear.
    key = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    keys = (f"ratelimit:{scope}:{key}:count", f"ratelimit:{scope}:{key}:reset")
    count = None
    if available():
        count, retry_at = _count(cache, *keys, window)
    if count is None:  # the shared cache is down (or went down during the call)
        logger.warning("Rate limit %s counted in this process only: the cache is down", scope)
        count, retry_at = _count(process_counts, *keys, window)
    return Verdict(allowed=count <= limit, retry_at=retry_at)


def check(request, scope, setting, default):
    """Count a post to the form `scope`, limited by the setting `setting`: (posts, seconds)."""
    limit, window = getattr(settings, setting, default)
    return hit(scope, request, limit=limit, window=window)


def too_many_requests(request, page, verdict):
    """The 429 page, in the page's language, saying when the visitor may post again."""
    response = page.render(
        request,
        template="rate_limited.html",
        context_overrides={
            "retry_at": timezone.localtime(datetime.fromtimestamp(verdict.retry_at, UTC)),
            "retry_minutes": verdict.retry_minutes,
        },
    )
    response.status_code = 429
    response["Retry-After"] = str(verdict.retry_after_seconds)
    return response
