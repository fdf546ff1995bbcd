"""Structured data for creator profiles, built only from what the creator allows to publish."""

from django import template

from home.json_ld import json_ld_script

register = template.Library()


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
    return json_ld_script(data)
