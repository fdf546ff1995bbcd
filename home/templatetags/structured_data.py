from django import template
from wagtail.models import Site

from home.json_ld import json_ld_script, organization
from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The studio as a schema.org Organization, from the site settings the profile shows."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_url if site else ""
    data = organization(SiteSettings.load(request_or_site=request), url=root + "/")
    return json_ld_script(data)
