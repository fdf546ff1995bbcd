from django import template

from home.translation_workflow import submit_action

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_workflow(context, page):
    return submit_action(page, context["request"].user)
