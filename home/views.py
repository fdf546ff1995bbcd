import re
import sys
from collections import defaultdict

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Locale, Page

from .page_cache import public
from .pagination import page_or_404
from .prefetch import prefetch_by_page_type
from .search import search_pages
from .site_structure import exclude_private

SEARCH_RESULTS_PER_PAGE = 10
DATABASE_DOWN = (OperationalError, InterfaceError)
DATABASE_RETRY_AFTER = 30
MEDIA_MAX_AGE = 7 * 24 * 3600
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


@require_GET
@cache_control(private=True, no_store=True)  # the visitor's own words: nobody else's business
def search(request):
    # Control characters are never typed, and PostgreSQL refuses a NUL in a query: drop them.
    query = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", "")).strip()
    results = search_pages(query, Locale.get_active()) if query else Page.objects.none()
    page = page_or_404(results, request.GET.get("page"), SEARCH_RESULTS_PER_PAGE)
    page.object_list = _specific_in_order(page.object_list)
    return render(request, "home/search.html", {"query": query, "results": page})


def _specific_in_order(pages):
    """The specific pages of `pages` in one query per page type, not one per page."""
    ids = [page.pk for page in pages]
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
    return [specific[pk] for pk in ids if pk in specific]


def sitemap_entries(request):
    """Every live public page in every language, each with the URLs of its translations."""
    pages = list(exclude_private(Page.objects.live().exclude(depth__lte=1)).specific())
    # `specific()` drops select_related, and every page's URL needs its locale: attach them.
    locales = Locale.objects.in_bulk()
    for page in pages:
        page.locale = locales[page.locale_id]
    prefetch_by_page_type(pages, "prefetch_for_sitemap")
    by_translation = defaultdict(list)
    entries = []
    for page in pages:
        for url in page.get_sitemap_urls(request):
            entry = {**url, "page": page, "language": page.locale.language_code}
            entries.append(entry)
            if url["location"] == page.get_full_url(request):
                by_translation[page.translation_key].append(entry)
    for entry in entries:
        siblings = by_translation[entry["page"].translation_key]
        entry["alternates"] = siblings if entry in siblings and len(siblings) > 1 else []
    return entries


@require_GET
@public  # purged with every page it lists (home.purge)
def sitemap(request):
    return render(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
@public
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /language/",
        "Disallow: /ja/search/",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(private=True, no_store=True)
def switch_language(request, language_code):
    """The language switcher's links: remember the choice, then show the page in that language.

    Pages never set cookies (a shared cache could not keep them), and static/js/language.js
    remembers the language only where JavaScript runs; this answer is never cached."""
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    local = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    response = HttpResponseRedirect(target if local else f"/{language_code}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def media(request, path, document_root):
    """Uploaded files from local storage; renditions never change under one name."""
    response = serve(request, path, document_root=document_root)
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response


def favicon(request):
    return HttpResponseRedirect(static("img/favicon.svg"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context on purpose: the error may have come from a context
    # processor or the database, and this page must not fail in turn.
    error = sys.exc_info()[1]
    unavailable = isinstance(error, DATABASE_DOWN)
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template("503.html" if unavailable else "500.html").render(
            {"LANGUAGE_CODE": language}
        )
    if not unavailable:
        return HttpResponse(body, status=500)
    # The database is down (or refusing connections): a temporary state, say when to come back.
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return response
