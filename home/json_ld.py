"""schema.org data: the one way to put it in a page (a JSON-LD block that nothing typed can
break out of), and the studio as an Organization (from the site settings the company profile
shows)."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

# As Django's json_script: these characters cannot close the script element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A JSON-LD data block. It is data, not executed, so the CSP's script-src does not apply."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def organization(site_settings, url, logo_url=None):
    """The studio, a schema.org Organization (never a Person), in the active language."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site_settings.company,
        "alternateName": settings.WAGTAIL_SITE_NAME,
        "url": url,
        "email": site_settings.email,
        "telephone": site_settings.phone or None,
        "address": {"@type": "PostalAddress", "streetAddress": site_settings.address},
        "foundingDate": site_settings.founded.isoformat() if site_settings.founded else None,
        "description": site_settings.business or None,
        "logo": logo_url,
    }
    return {key: value for key, value in data.items() if value is not None}
