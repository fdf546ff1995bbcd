"""The site and its root page of a public request, from the shared cache (home.site_structure).

Apart from the cache itself because Wagtail's view module loads the page model when imported:
the page models read the cache, so the cache cannot import the view.
"""

from django.http import Http404
from wagtail.views import serve

from .site_structure import localized_root, site_for_request


class SiteMiddleware:
    """Tells Wagtail which site a public request is for and routes a page request from the
    shared cache's root page (`Site.find_for_request` reads `request._wagtail_site`,
    `Page.route_for_request` reads `request._wagtail_route_for_request`), so the site, the root
    page and its translation cost no query. The admin asks the database, as Wagtail does."""

    EXCLUDED = ("/admin/", "/static/", "/media/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.EXCLUDED) and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = getattr(request, "_wagtail_site", None)
        if site is None:
            return None  # Wagtail's own routing decides
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            route = localized_root(site).route(request, [c for c in path.split("/") if c])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None
