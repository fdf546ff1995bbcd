from django import template
from wagtail.models import Page

from home.json_ld import json_ld_script
from works.queries import visible_works
from works.structured_data import work_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def work_structured_data(context, work, credits, categories, image=None):
    request = context["request"]
    image_url = request.build_absolute_uri(image.url) if image else None
    return json_ld_script(work_json_ld(work, request, credits, categories, image_url))


@register.simple_tag
def featured_works(home_page):
    """The home page's featured works that a visitor may see, in the editor's order."""
    order = {item.page_id: item.sort_order for item in home_page.featured_works.all()}
    # A translated home page may still point at the other language's works: match them by
    # translation key and show the ones in this home page's language.
    keys = dict(Page.objects.filter(pk__in=list(order)).values_list("translation_key", "pk"))
    works = visible_works(home_page.locale).filter(translation_key__in=list(keys))
    return sorted(works, key=lambda work: order[keys[work.translation_key]])


@register.filter
def absolute_url(path, request):
    return request.build_absolute_uri(path)
