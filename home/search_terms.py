"""Japanese in Wagtail's search index, through its public API only.

The database backends split text into words on spaces and punctuation, and Japanese is written
without spaces: a sentence is one "word", so a two-character word inside it is never found.
Every page therefore also indexes `japanese_search_terms()` (see `BasePage.get_search_fields`):
each character and each two-character sequence of its Japanese text, separated by spaces. A
Japanese query is turned into the same two-character terms, all of which must match. This works
the same on SQLite FTS and PostgreSQL, and reads none of the backends' index columns.
"""

import re

from django.utils.html import strip_tags
from wagtail.search import index

CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")


def has_cjk(text):
    return bool(CJK_RUN.search(text or ""))


def cjk_terms(text):
    """Every character and every pair of neighbouring characters of each Japanese run."""
    terms = set()
    for run in CJK_RUN.findall(strip_tags(text or "")):
        terms.update(run)
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(sorted(terms))


def query_terms(query):
    """The query as index terms: a Japanese run becomes its two-character sequences (one
    character stays itself), other words stay as they are."""
    terms = []
    for word in query.split():
        rest = CJK_RUN.sub(" ", word).split()
        for run in CJK_RUN.findall(word):
            pairs = [run[i : i + 2] for i in range(len(run) - 1)] or [run]
            terms.extend(pairs)
        terms.extend(rest)
    return " ".join(dict.fromkeys(terms))


def flatten(value):
    """A search field's value (text, a list of stream texts, a dict) as one text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(flatten(item) for item in value.values())
    return str(value)


def reindex_published_page(sender, instance, **kwargs):
    """Index a page again once it is published: Wagtail indexes it on `post_save`, before
    modelcluster has written its many-to-many fields (a work's categories and AI tools), so
    the first entry would miss them."""
    page = instance.specific
    if index.class_is_indexed(type(page)):  # creator pages stay out of the search
        index.insert_or_update_object(page)
