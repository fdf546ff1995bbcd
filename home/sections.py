"""Sections that other apps add to the home page (the latest news, ...). An app registers a
function with the `register_home_section` hook; it receives the home page and the request and
returns None (nothing to show) or `(order, html)`. So `home` imports none of those apps."""

from wagtail import hooks

HOOK = "register_home_section"


def home_sections(home_page, request):
    sections = [section(home_page, request) for section in hooks.get_hooks(HOOK)]
    return [html for _order, html in sorted(s for s in sections if s is not None)]
