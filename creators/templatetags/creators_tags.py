"""Structured data for creator profiles, built only from what the creator allows to publish."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could close the <script> element or start markup inside it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def creator_json_ld(context, page, profile):
    """A schema.org Person, only when a name may be published (no name: no Person at all)."""
    if not profile.name:
        return ""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": profile.name,
        "url": page.get_full_url(context.get("request")),
    }
    if profile.expertise:
        data["knowsAbout"] = profile.expertise
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("CSP_NONCE", ""),
        mark_safe(payload),  # noqa: S308 (escaped above for a script element)
    )
