"""Japanese line breaks by phrase: BudouX splits a short text (a heading, a card title, a lead)
into phrases, the template joins them with <wbr>, and CSS (`.phrases`: word-break: keep-all)
lets the browser break only there, so 「を。」 never sits alone on a line. Every browser,
not only those that know `word-break: auto-phrase`."""

import re
from functools import lru_cache

import budoux
from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
_parser = budoux.load_default_japanese_parser()


@lru_cache(maxsize=2048)
def phrases(text):
    return tuple(_parser.parse(text))


@register.filter(name="phrases")
def phrase_breaks(value):
    """`{{ title|phrases }}`: the text, escaped, with <wbr> between its Japanese phrases, in a
    span that breaks only there. Text without Japanese is returned as it is (escaped)."""
    text = str(value or "")
    if not JAPANESE.search(text):
        return conditional_escape(text)
    joined = "<wbr>".join(conditional_escape(part) for part in phrases(text))
    return mark_safe(f'<span class="phrases">{joined}</span>')  # noqa: S308 (escaped above)
