"""The policy's own structure: a preamble, then numbered articles.

Articles and their items are numbered by position, never typed by hand, so an inserted article
cannot leave a gap or a duplicate number in a legal text.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ItemBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("text"))
    sub_items = blocks.ListBlock(
        blocks.CharBlock(label=_("sub-item")),
        required=False,
        default=[],
        label=_("sub-items"),
        help_text=_("Lines listed under the item, written as they should appear, e.g. “(1) …”."),
    )

    class Meta:
        icon = "list-ol"
        label = _("numbered item")


class ArticleContentBlock(blocks.StreamBlock):
    paragraph = blocks.TextBlock(label=_("paragraph"), template="policy/blocks/paragraph.html")
    items = blocks.ListBlock(
        ItemBlock(), label=_("numbered items"), template="policy/blocks/items.html"
    )

    class Meta:
        label = _("content")


class ArticleBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("title"), help_text=_("Without the number: “Privacy Information”.")
    )
    content = ArticleContentBlock()

    class Meta:
        icon = "doc-full"
        label = _("article")
        template = "policy/blocks/article.html"


class PolicyBodyBlock(blocks.StreamBlock):
    preamble = blocks.TextBlock(
        label=_("preamble paragraph"), template="policy/blocks/paragraph.html"
    )
    article = ArticleBlock()

    class Meta:
        block_counts = {"article": {"min_num": 1}}


def numbered_sections(body):
    """(article number or None, block) for each block of a body stream, articles counted from 1."""
    number = 0
    sections = []
    for block in body:
        if block.block_type == "article":
            number += 1
            sections.append((number, block))
        else:
            sections.append((None, block))
    return sections


def article_lines(article_value):
    """The article's text as plain lines, items numbered as a reader sees them."""
    lines = []
    for child in article_value["content"]:
        if child.block_type == "paragraph":
            lines.append(str(child.value))
        else:
            for position, item in enumerate(child.value, start=1):
                lines.append(f"{position}. {item['text']}")
                lines.extend(f"    {sub}" for sub in item["sub_items"])
    return lines
