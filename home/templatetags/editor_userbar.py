"""Wagtail's user bar for editors, without making every visitor's page per-visitor.

`{% wagtailuserbar %}` reads `request.user`, which loads the session, and Django then marks the
response `Vary: Cookie`: no shared cache (the CDN, the page cache) could keep any page. A visitor
without a session cookie cannot be signed in, so the bar is left out for them without asking.
"""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
