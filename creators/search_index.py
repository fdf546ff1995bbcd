"""The site search holds the names works credit (`WorkPage.credited_names`): whatever changes
what a creator allows the site to show indexes the works crediting them again, after the commit
(as the caches are bumped, creators.cache), so a withdrawn name finds nothing on the next
request. Drafts too: an index entry must not keep a name the site may no longer show."""

from django.db import transaction
from wagtail.search import index


def works_crediting_creator(creator=None):
    """Every work (live or not) whose credits link to a profile of `creator` (a Creator or its
    id; any creator's when None)."""
    from works.models import WorkCredit, WorkPage

    from .models import CreatorPage

    profiles = CreatorPage.objects.all()
    if creator is not None:
        profiles = profiles.filter(creator=getattr(creator, "pk", creator))
    work_ids = WorkCredit.objects.filter(creator_page__in=profiles).values("work_id")
    return WorkPage.objects.filter(pk__in=work_ids)


def reindex_works_crediting(creator=None):
    for work in works_crediting_creator(creator):
        index.insert_or_update_object(work)


def reindex_after_commit(creator=None):
    """Once the current transaction commits (at once outside one). `robust`: a search backend
    failure must not undo the consent change that was just committed."""
    transaction.on_commit(lambda: reindex_works_crediting(creator), robust=True)
