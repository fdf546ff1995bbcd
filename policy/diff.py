"""What changed between two policy versions, article by article, as <ins>/<del> marked HTML.

Japanese has no spaces between words, so it is compared character by character; English is
compared word by word (spaces and punctuation kept as their own tokens so the text reads as it
was posted).
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

from policy.blocks import PolicyBodyBlock, article_lines

WORD = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class SectionChange:
    number: int | None  # article number; None for the preamble
    title_html: str
    html: str
    changed: bool


def tokens(text, language_code):
    if language_code.startswith("ja"):
        return list(text)
    return WORD.findall(text)


def mark_changes(old, new, language_code):
    """HTML of `new` with removed tokens in <del> and added ones in <ins>."""
    a, b = tokens(old, language_code), tokens(new, language_code)
    parts = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[b1:b2]))}</ins>")
    return mark_safe("".join(parts))


def sections(body_json):
    """{key: (title, text)} for the preamble and each article of a stored body, in order."""
    body = PolicyBodyBlock().to_python(body_json)
    preamble = [str(block.value) for block in body if block.block_type == "preamble"]
    result = {None: ("", "\n\n".join(preamble))}
    articles = [block.value for block in body if block.block_type == "article"]
    for number, article in enumerate(articles, start=1):
        result[number] = (str(article["title"]), "\n".join(article_lines(article)))
    return result


def compare_versions(old, new):
    """One SectionChange per preamble/article present in either version."""
    language_code = new.locale.language_code
    before, after = sections(old.body_json), sections(new.body_json)
    keys = [None] + sorted(k for k in set(before) | set(after) if k is not None)
    changes = []
    for key in keys:
        old_title, old_text = before.get(key, ("", ""))
        new_title, new_text = after.get(key, ("", ""))
        if key is None and not (old_text or new_text):
            continue
        changes.append(
            SectionChange(
                number=key,
                title_html=mark_changes(old_title, new_title, language_code),
                html=mark_changes(old_text, new_text, language_code),
                changed=(old_title, old_text) != (new_title, new_text),
            )
        )
    return changes
