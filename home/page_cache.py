"""Who may keep a response: shared caches (the CDN, the page cache) or nobody but the visitor.

A response that holds anything secret or personal is `private, no-store`, whatever the view
said: a CSRF token (every form), a signed-in user (the admin, previews, the user bar), a session
read (receipts, view restrictions), a cookie set, or anything that varies with the cookie.
"""

from django.utils.cache import has_vary_header

from .compression import holds_secrets

PRIVATE = "private, no-store"


def is_personal(request, response):
    return bool(
        response.cookies or has_vary_header(response, "Cookie") or holds_secrets(request, response)
    )


def make_private(response):
    response["Cache-Control"] = PRIVATE


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            make_private(response)
        return response
