"""Readable ASCII slugs from Japanese titles: 「渋谷、午前零時」 → `shibuya-gozen-reiji`.

Slugs are ASCII on this site (WAGTAIL_ALLOW_UNICODE_SLUGS = False), so Wagtail's own slugify
turns a Japanese title into nothing (and a mixed one into `ai`). The title is romanised first
(Hepburn, with pykakasi); the page form and the page's own save both use it.
"""

import functools
import unicodedata

import pykakasi
from django.utils.text import slugify

MAX_LENGTH = 80


@functools.cache
def _converter():
    return pykakasi.kakasi()


def romanised_slug(title, max_length=MAX_LENGTH):
    text = unicodedata.normalize("NFKC", title or "")
    words = [item["hepburn"] or item["orig"] for item in _converter().convert(text)]
    slug = slugify(" ".join(words))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug.strip("-")


def available_slug(base, parent, page=None):
    """`base`, or `base-2`, `base-3`… whichever no sibling of `page` under `parent` uses."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
