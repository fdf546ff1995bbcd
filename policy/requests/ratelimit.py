"""A per-address rate limit kept in Django's cache, so it holds across app servers (Redis)."""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = 5  # submissions
DEFAULT_WINDOW = 60 * 60  # seconds


def client_address(request):
    # Behind the CDN/proxy the real address comes first in X-Forwarded-For; REMOTE_ADDR otherwise.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and getattr(settings, "PRIVACY_REQUEST_TRUST_FORWARDED_FOR", False):
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


@dataclass
class Verdict:
    allowed: bool
    retry_at: float = 0.0

    @property
    def retry_after_seconds(self):
        return max(1, int(self.retry_at - time.time()))


def hit(scope, request):
    """Count one submission from this address; refuse once the window's budget is spent."""
    limit = int(getattr(settings, "PRIVACY_REQUEST_RATE_LIMIT", DEFAULT_LIMIT))
    window = int(getattr(settings, "PRIVACY_REQUEST_RATE_WINDOW", DEFAULT_WINDOW))
    # The address is hashed: the cache holds no one's IP address in the clear.
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    count_key = f"privacy-requests:{scope}:{address}:count"
    reset_key = f"privacy-requests:{scope}:{address}:reset"
    now = time.time()
    if cache.add(reset_key, now + window, window):
        cache.set(count_key, 0, window)
    reset_at = cache.get(reset_key) or now + window
    try:
        count = cache.incr(count_key)
    except ValueError:  # the counter expired between the two calls
        cache.set(count_key, 1, window)
        count = 1
    if count > limit:
        return Verdict(False, reset_at)
    return Verdict(True, reset_at)
