"""The navigation, the language switcher and the hreflang links of every page.

Read from the shared cache (home.site_structure): the same for every visitor of a site and
language, kept as plain titles and URLs, and forgotten on every app server as soon as a page is
published, unpublished, moved or deleted, or a setting changes.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.models import NavigationSettings
from home.site_structure import exclude_private, remembered

register = template.Library()


def _site(request):
    return Site.find_for_request(request)


def _home_urls(request):
    """{language code: URL of that language's home page} for the request's site."""
    site = _site(request)
    if site is None:
        return {}

    def compute():
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {page.locale.language_code: page.get_url(request) for page in homes}

    return remembered(f"homes:{site.pk}", compute)


def _translations(request, page):
    """[{"code", "url", "full_url"}] of `page` in every language it is live in."""
    site = _site(request)

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return [
            {
                "code": p.locale.language_code,
                "url": p.get_url(request),
                "full_url": p.get_full_url(request),
            }
            for p in translations
        ]

    return remembered(f"translations:{site.pk if site else 0}:{page.translation_key}", compute)


def _is_page(page):
    return isinstance(page, Page) and page.pk


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's translation, else to that language's home."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = {}
    if _is_page(page):
        translations = {t["code"]: t["url"] for t in _translations(request, page)}
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None and isinstance(page, Page):
            url = _home_urls(request).get(code) or f"/{code}/"
        elif url is None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": code in translations or not isinstance(page, Page),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """Absolute URLs of this page in every language it is published in."""
    request = context["request"]
    if context.get("route_alternates") is not None:  # a sub-page gives its own counterparts
        return with_x_default(context["route_alternates"])
    page = context.get("page")
    if not _is_page(page):
        return []
    alternates = [{"code": t["code"], "url": t["full_url"]} for t in _translations(request, page)]
    return with_x_default(alternates)


def with_x_default(alternates):
    """Add hreflang="x-default": the default language's URL, for visitors of any other one."""
    default = next((a for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    return alternates + [{"code": "x-default", "url": default["url"]}] if default else alternates


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    return _home_urls(context["request"]).get(get_language()) or f"/{get_language()}/"


@register.simple_tag(takes_context=True)
def localized_pageurl(context, page):
    """The URL of `page` in the active language where a live translation exists, else of
    `page` itself (`{% pageurl page.localized %}`, from the shared cache)."""
    if not _is_page(page):
        return ""
    request = context["request"]
    language = get_language()
    url = next((t["url"] for t in _translations(request, page) if t["code"] == language), None)
    return url or page.get_url(request)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the active language:
    [{"title", "url", "is_current"}]."""
    request = context["request"]
    site = _site(request)
    language = get_language()
    if site is None:
        return []

    def compute():
        home = (
            site.root_page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=language)
            .first()
        )
        if home is None:
            return []
        return [
            {"title": item.title, "url": item.get_url(request), "path": item.path}
            for item in exclude_private(home.get_children().live().in_menu())
        ]

    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [
        {**item, "is_current": current_path.startswith(item["path"])}
        for item in remembered(f"menu:{site.pk}:{language}", compute)
    ]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own URL; a sub-page (a policy version, a comparison) gives its own."""
    if context.get("route_canonical"):
        return context["route_canonical"]
    page = context.get("page")
    if _is_page(page):
        return page.get_full_url(context["request"])
    return ""


def _footer_links(request, language):
    chosen = [
        link.page
        for link in NavigationSettings.load(request_or_site=request).footer_links.select_related(
            "page"
        )
    ]
    if not chosen:
        return []
    in_language = {
        page.translation_key: page
        for page in exclude_private(
            Page.objects.filter(
                translation_key__in=[page.translation_key for page in chosen],
                locale__language_code=language,
            ).live()
        )
    }
    shown = [in_language[p.translation_key] for p in chosen if p.translation_key in in_language]
    return [{"title": page.title, "url": page.get_url(request)} for page in shown]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The editors' footer links (site settings > navigation), each page in the visitor's
    language; a page with no live public translation in that language is left out:
    [{"title", "url"}]."""
    request = context["request"]
    site = _site(request)
    language = get_language()
    return remembered(
        f"footer:{site.pk if site else 0}:{language}", lambda: _footer_links(request, language)
    )
