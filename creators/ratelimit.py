"""The entry form's limit: `CREATORS_ENTRY_RATE_LIMIT = (posts, seconds)` per address
(home.ratelimit does the counting, in the cache shared by every app server)."""

from django.conf import settings

from home import ratelimit

DEFAULT_LIMIT = (10, 3600)


def register_attempt(request):
    limit, window = getattr(settings, "CREATORS_ENTRY_RATE_LIMIT", DEFAULT_LIMIT)
    return ratelimit.hit("creators:entry", request, limit=limit, window=window)
