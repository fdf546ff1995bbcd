"""Site search that also finds Japanese words.

Wagtail's database backends tokenise on spaces, and Japanese is written without them, so a
two-character word inside a longer sentence is never a token of its own. For queries that
contain Japanese (or other CJK) characters, the search looks for the text inside the plain-text
copy that the search index keeps of every page, which works the same on SQLite and PostgreSQL.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def has_cjk(text):
    return bool(CJK.search(text))


def _index_text_columns():
    # The PostgreSQL index stores tsvectors in title/body and the plain text beside them.
    if connection.vendor == "postgresql":
        return "title_text", "body_text"
    return "title", "body"


def _page_ids_containing(terms):
    title, body = _index_text_columns()
    matches = Q()
    for term in terms:
        matches &= Q(**{f"{title}__icontains": term}) | Q(**{f"{body}__icontains": term})
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    object_ids = IndexEntry.objects.filter(matches, content_type__in=page_types).values_list(
        "object_id", flat=True
    )
    return {int(pk) for pk in object_ids}


def search_pages(query, locale):
    """Live, public pages of `locale` that match `query`, best first."""
    query = " ".join(query.split())[:200]
    if not query:
        return Page.objects.none()
    pages = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1)
    # Past its expiry a page stays "live" until `publish_scheduled` runs: leave it out now.
    # (By id: the search backend filters only on indexed fields, and `id` is one of them.)
    expired = Page.objects.live().filter(expire_at__lte=timezone.now()).values_list("pk", flat=True)
    pages = pages.exclude(pk__in=list(expired))
    if has_cjk(query):
        return pages.filter(pk__in=_page_ids_containing(query.split())).order_by("title")
    return pages.search(query, operator="and")
