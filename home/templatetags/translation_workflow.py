from django import template

from home.translation_workflow import review_actions, submit_action

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_workflow(context, page):
    return submit_action(page, context["request"].user)


@register.simple_tag(takes_context=True)
def translation_review_actions(context, page):
    return review_actions(page, context["request"].user)
