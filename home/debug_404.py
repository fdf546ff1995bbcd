"""`make run` runs with DEBUG on, where Django answers a missing page with its technical 404
page (the URLconf, the settings' names). The development settings add this middleware so the
demo answers with the site's own 404 page, in the visitor's language, as production does."""

from django.http import Http404
from django.urls import get_resolver


def site_not_found(request, exception):
    return get_resolver().resolve_error_handler(404)(request, exception)


class SiteNotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return site_not_found(request, Http404())  # no URL pattern matched
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return site_not_found(request, exception)
        return None
