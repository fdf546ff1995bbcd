from django import template

from home.json_ld import json_ld_script
from works.structured_data import work_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def work_structured_data(context, work, credits, categories, image=None):
    request = context["request"]
    image_url = request.build_absolute_uri(image.url) if image else None
    return json_ld_script(work_json_ld(work, request, credits, categories, image_url))


@register.filter
def absolute_url(path, request):
    return request.build_absolute_uri(path)
