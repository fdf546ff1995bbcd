"""Per-address rate limits kept in Django's cache (Redis in production), so that a limit holds
across every app server. Used by the forms that anyone can post: the creator entry form and
privacy requests."""

import hashlib
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


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

    @property
    def retry_minutes(self):
        # Rounded up: "in about 1 minute" must never be said when 90 seconds remain.
        return math.ceil(self.retry_after_seconds / 60)


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
