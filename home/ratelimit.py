"""Per-address rate limits kept in Django's cache (Redis in production), so that a limit holds
across every app server. Used by the forms that anyone can post: the creator entry form and
privacy requests."""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    # Behind the CDN/proxy the visitor's address is the first in X-Forwarded-For; trust it only
    # when the deployment says a proxy sets it, or anyone could pick their own address.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and getattr(settings, "RATE_LIMIT_TRUST_FORWARDED_FOR", False):
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


@dataclass
class Verdict:
    allowed: bool
    retry_at: float  # Unix time at which the window ends

    @property
    def retry_after_seconds(self):
        return max(1, int(self.retry_at - time.time()))


def hit(scope, request, limit, window):
    """Count one post from this address in `scope`; refuse past `limit` posts per `window` s."""
    # Hashed: the cache holds no one's IP address in the clear.
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    count_key = f"ratelimit:{scope}:{address}:count"
    reset_key = f"ratelimit:{scope}:{address}:reset"
    now = time.time()
    if cache.add(reset_key, now + window, window):
        cache.set(count_key, 0, window)
    retry_at = cache.get(reset_key) or now + window
    try:
        count = cache.incr(count_key)
    except ValueError:  # the counter expired between the two calls
        cache.set(count_key, 1, window)
        count = 1
    return Verdict(allowed=count <= limit, retry_at=retry_at)
