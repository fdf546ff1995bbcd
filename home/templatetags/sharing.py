"""Open Graph and Twitter tags for every page: the page's own share image (or the one its type
chooses, e.g. a work's poster), else the site's default image."""

from urllib.parse import urljoin

from django import template
from django.templatetags.static import static
from wagtail.models import Page

register = template.Library()

DEFAULT_IMAGE = {"path": "img/og-default.jpg", "width": 1200, "height": 630}


def _page_image(page):
    image = page.get_og_image() if hasattr(page, "get_og_image") else None
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


@register.inclusion_tag("includes/social-meta.html", takes_context=True)
def social_meta(context, title=None, description=None, image=None, image_alt="", og_type=None):
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page) and page.pk
    if title is None:
        title = (page.seo_title or page.title) if is_page else context.get("social_title", "")
    if description is None and is_page:
        description = page.search_description or getattr(page, "intro", "") or ""
        description = description if "<" not in description else ""
    if hasattr(image, "url"):  # a rendition the template chose (an unset variable is "")
        image = {"url": image.url, "width": image.width, "height": image.height}
    else:
        image = _page_image(page) if is_page else None
    if image is None:
        image = {**DEFAULT_IMAGE, "url": static(DEFAULT_IMAGE["path"])}
        image_alt = "ALLIN STUDIO"
    url = context.get("route_canonical") or (
        page.get_full_url(request) if is_page else request.build_absolute_uri(request.path)
    )
    return {
        "title": title or "ALLIN STUDIO",
        "description": description,
        "url": url,
        "og_type": og_type or "website",
        # On the page's own address (the site's, as the canonical), not the request's host.
        "image_url": urljoin(url, image["url"]),
        "image": image,
        "image_alt": image_alt,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
