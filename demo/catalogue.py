"""A large catalogue for benchmarks (`load_demo --works N`), built in bulk.

Creating pages one by one (tree insert, revision, publish) takes tens of milliseconds each; here
the page rows are inserted in bulk under the index pages, the way `loaddata` does it, with a
handful of shared posters. The works are live and have no revisions: they exist to be listed and
served, not edited.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from works.models import WorkPage

from .helpers import demo_image

POSTERS = 6
SLUG_PREFIX = "catalogue-work-"


@transaction.atomic
def build_catalogue(indexes, count, taxonomies):
    """Make `count` works in each language (translations of each other); idempotent."""
    categories, tools = taxonomies
    posters = [demo_image(f"Catalogue poster {i}", f"catalogue-{i}") for i in range(POSTERS)]
    existing = set(
        WorkPage.objects.filter(
            slug__startswith=SLUG_PREFIX, locale=indexes["ja"].locale
        ).values_list("slug", flat=True)
    )
    numbers = [n for n in range(1, count + 1) if f"{SLUG_PREFIX}{n:05d}" not in existing]
    keys = {n: uuid.uuid4() for n in numbers}
    for code, index in indexes.items():
        category_list = list(categories[code].values())
        tool_list = list(tools[code].values())
        works = _insert_pages(index, numbers, keys, code, posters)
        _link(WorkPage.categories.through, "workcategory", works, category_list, 1)
        _link(WorkPage.ai_tools.through, "aitool", works, tool_list, 2)
    return len(numbers)


def _insert_pages(index, numbers, keys, code, posters):
    content_type = ContentType.objects.get_for_model(WorkPage)
    # Read the last child's path from the database: `index` may be a stale in-memory copy.
    last_path = (
        Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
    now = timezone.now()
    pages = []
    for offset, n in enumerate(numbers, start=1):
        slug = f"{SLUG_PREFIX}{n:05d}"
        title = f"カタログ作品 {n}" if code == "ja" else f"Catalogue work {n}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, step + offset),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                locale_id=index.locale_id,
                translation_key=keys[n],
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = {
        page.slug: page
        for page in Page.objects.filter(
            slug__startswith=SLUG_PREFIX, locale_id=index.locale_id, depth=index.depth + 1
        ).only("pk", "slug", "translation_key")
    }
    works = []
    for n in numbers:
        base = created[f"{SLUG_PREFIX}{n:05d}"]
        work = WorkPage(
            page_ptr_id=base.pk,
            summary="大量データのベンチマーク用作品。"
            if code == "ja"
            else "A work for benchmarks.",
            poster=posters[n % len(posters)],
            release_date=datetime.date(2000 + n % 26, 1 + n % 12, 1 + n % 28),
            runtime_minutes=1 + n % 30,
            body=[],
        )
        # Insert only the WorkPage row (its Page row exists), as `loaddata` does.
        work.save_base(raw=True)
        works.append(work)
    children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
    Page.objects.filter(pk=index.pk).update(numchild=children.count())
    return works


def _link(through, target, works, options, per_work):
    rows = []
    for i, work in enumerate(works):
        for k in range(per_work):
            option = options[(i + k) % len(options)]
            rows.append(through(workpage_id=work.pk, **{f"{target}_id": option.pk}))
    through.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
