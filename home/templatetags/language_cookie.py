from django import template
from django.conf import settings
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def language_cookie_attributes():
    """Attributes for static/js/language.js, which remembers the language in the browser."""
    return format_html(
        'data-language-cookie="{}" data-language-cookie-age="{}"',
        settings.LANGUAGE_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_AGE,
    )
