"""The privacy-request forms' limits (home.ratelimit does the counting)."""

from django.conf import settings

from home import ratelimit


def hit(scope, request):
    return ratelimit.hit(
        f"privacy-requests:{scope}",
        request,
        limit=int(getattr(settings, "PRIVACY_REQUEST_RATE_LIMIT", 5)),
        window=int(getattr(settings, "PRIVACY_REQUEST_RATE_WINDOW", 60 * 60)),
    )
