"""Who may keep a response, and the server-side page cache in the shared cache (Redis).

A response that holds anything secret or personal is `private, no-store`, whatever the view
said: a CSRF token (every form), a signed-in user (the admin, previews, the user bar), a session
read (receipts, view restrictions), a cookie set, or anything that varies with the cookie.

A page (`BasePage.serve`) or a view marked `@public` that is none of those is
`public, max-age=0, s-maxage=…, stale-while-revalidate=…`: the CDN keeps it, browsers ask again,
and the page cache here keeps it too, so that the next visitor is answered without rendering.
Nothing is ever kept for a visitor with a session cookie (an editor), for anything but a GET,
or for a response that would be private.

Invalidation without a race: each copy is stored with the generations of its path, of every
path above it and of the whole site, read *before* rendering. A purge (`home.purge`, after the
commit) deletes a generation; a copy whose generations are no longer the current ones is never
served, so a request that rendered older rows during the commit stores a copy nobody will use.

A hit costs one read of the shared cache (the copy and the current generations together). No
copy outlives a moment at which it stops being true: each is kept at most until the next
scheduled change (`page_cache_fresh_until` hooks), and scheduling one forgets every copy. So
the work due at such a moment (`page_cache_miss` hooks: publishing a policy revision) is done
before a page is rendered, never on a hit.
"""

import hashlib
import math
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import has_vary_header, patch_cache_control
from wagtail import hooks

from .compression import holds_secrets

PRIVATE = "private, no-store"
SITE_GENERATION = "pc:site"
SKIPPED_HEADERS = {"set-cookie", "x-page-cache"}


def is_personal(request, response):
    return bool(
        response.cookies or has_vary_header(response, "Cookie") or holds_secrets(request, response)
    )


def make_private(response):
    response["Cache-Control"] = PRIVATE


def public(view):
    """Mark a view's answer as the same for everyone (the middleware still checks it)."""

    def wrapped(request, *args, **kwargs):
        request.page_cache_candidate = True
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def max_age():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def stale_seconds():
    return getattr(settings, "PAGE_CACHE_STALE_SECONDS", 30)


def path_generation_key(path):
    return f"pc:p:{path}"


def tree_generation_key(path):
    return f"pc:t:{path}"


def generation_keys(path):
    """The generations a copy of `path` depends on: its own, each path above it, the site's."""
    keys = [path_generation_key(path), SITE_GENERATION]
    prefix = "/"
    for part in [p for p in path.split("/") if p]:
        prefix += part + "/"
        keys.append(tree_generation_key(prefix))
    return keys


def current_generations(keys, found):
    """The generations `keys` are at, from what a read `found`; None while the cache is down."""
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, secrets.token_hex(6), timeout=None)
        found = {**found, **cache.get_many(missing)}
        if any(key not in found for key in keys):
            return None
    return ":".join(found[key] for key in keys)


def copy_key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"pc:copy:{digest}"


def excluded_prefixes():
    return (settings.STATIC_URL, settings.MEDIA_URL, "/admin/", "/documents/")


def may_use_cache(request):
    return (
        enabled()
        and request.method == "GET"
        and not request.path.startswith(excluded_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def fresh_until():
    """The earliest moment (epoch seconds) at which a cached page may stop being true, e.g. a
    scheduled policy revision going live (`page_cache_fresh_until` hooks), or infinity."""
    moments = [fn() for fn in hooks.get_hooks("page_cache_fresh_until")]
    return min([m for m in moments if m is not None], default=math.inf)


def before_render(request):
    """Work due before a page is rendered for the cache (`page_cache_miss` hooks), e.g. the
    policy publishing a revision whose moment has come. True if one changed something: its
    purge has then moved the generations just read."""
    return any([fn(request) for fn in hooks.get_hooks("page_cache_miss")])


def mark_public(response, seconds):
    """Cacheable by shared caches for `seconds`; no stale copy when a change is due then."""
    directives = {"public": True, "max_age": 0, "s_maxage": seconds}
    if seconds >= max_age():
        directives["stale_while_revalidate"] = stale_seconds()
    patch_cache_control(response, **directives)


def serialise(response, generations):
    headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
    return {
        "generations": generations,
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
    }


def deserialise(stored):
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = generations = None
        if may_use_cache(request):
            key, keys = copy_key(request), generation_keys(request.path)
            found = cache.get_many([key, *keys])
            generations = current_generations(keys, found)
            stored = found.get(key)
            if generations is not None and stored and stored["generations"] == generations:
                response = deserialise(stored)
                response["X-Page-Cache"] = "hit"
                return response
            if before_render(request):
                generations = current_generations(keys, cache.get_many(keys))
        response = self.get_response(request)
        if is_personal(request, response):
            make_private(response)
        elif self.is_public(request, response):
            until = min(fresh_until(), getattr(request, "page_cache_until", math.inf))
            seconds = int(max(0, min(max_age(), until - time.time())))
            mark_public(response, seconds)
            if generations is not None and seconds > 0:
                cache.set(key, serialise(response, generations), seconds)
                response["X-Page-Cache"] = "miss"
        return response

    def is_public(self, request, response):
        return (
            getattr(request, "page_cache_candidate", False)
            and not getattr(request, "is_preview", False)
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and "Cache-Control" not in response
        )
