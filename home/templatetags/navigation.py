from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


def _home_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return {
        page.locale.language_code: page
        for page in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's translation, else to that language's home."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif isinstance(page, Page):
            homes = homes if homes is not None else _home_pages(request)
            url = homes[code].get_url(request) if code in homes else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": target is not None or not isinstance(page, Page),
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
    if not isinstance(page, Page) or not page.pk:
        return []
    alternates = [
        {"code": p.locale.language_code, "url": p.get_full_url(request)}
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    ]
    return with_x_default(alternates)


def with_x_default(alternates):
    """Add hreflang="x-default": the default language's URL, for visitors of any other one."""
    default = next((a for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    return alternates + [{"code": "x-default", "url": default["url"]}] if default else alternates


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context["request"]
    homes = _home_pages(request)
    page = homes.get(get_language())
    return page.get_url(request) if page else f"/{get_language()}/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the active language."""
    homes = _home_pages(context["request"])
    home = homes.get(get_language())
    if home is None:
        return []
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [
        {"page": item, "is_current": current_path.startswith(item.path)}
        for item in home.get_children().live().public().in_menu()
    ]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own URL; a sub-page (a policy version, a comparison) gives its own."""
    if context.get("route_canonical"):
        return context["route_canonical"]
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page.get_full_url(context["request"])
    return ""


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The editors' footer links (site settings > navigation), each page in the visitor's
    language; a page with no live public translation in that language is left out."""
    from home.models import NavigationSettings

    request = context["request"]
    chosen = [
        link.page
        for link in NavigationSettings.load(request_or_site=request).footer_links.select_related(
            "page"
        )
    ]
    if not chosen:
        return []
    language = get_language()
    in_language = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[page.translation_key for page in chosen],
            locale__language_code=language,
        )
        .live()
        .public()
    }
    return [in_language[p.translation_key] for p in chosen if p.translation_key in in_language]
