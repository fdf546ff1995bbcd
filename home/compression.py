"""Gzip for the HTML the app serves when no proxy compresses it, never beside a secret.

BREACH recovers a secret from the size of compressed responses that also reflect the
attacker's input. Django's GZipMiddleware pads responses at random ("Heal the BREACH") and masks
CSRF tokens per response, but the site goes further and leaves uncompressed every response that
carries anything secret or personal: a page with a CSRF token (the forms), anything for a
signed-in user (the admin, previews: personal data), and anything marked private or no-store
(the thank-you and confirmation pages). What remains is public content, identical for everyone.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if holds_secrets(request, response):
            return response
        return super().process_response(request, response)


def holds_secrets(request, response):
    # A CSRF token was put in this response: get_token() sets this key (CsrfViewMiddleware resets
    # it to False once it has renewed the cookie, so test for the key) and the cookie is sent.
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META or settings.CSRF_COOKIE_NAME in response.cookies:
        return True
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
