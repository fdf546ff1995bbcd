"""The site search holds the names works credit (`WorkPage.credited_names`): whatever changes
what a creator allows the site to show indexes the works crediting them again, after the commit
(as the caches are bumped, creators.cache), so a withdrawn name finds nothing on the next
request. Drafts too: an index entry must not keep a name the site may no longer show."""

from django.db import transaction
from wagtail.search import index

from works.models import WorkCredit, WorkPage

from .models import CreatorPage


def works_crediting_creator(creator=None):
    """Every work (live or not) whose credits link to a profile of `creator` (a Creator or its
    id; any creator's when None)."""
    profiles = CreatorPage.objects.all()
    if creator is not None:
        profiles = profiles.filter(creator=getattr(creator, "pk", creator))
    work_ids = WorkCredit.objects.filter(creator_page__in=profiles).values("work_id")
    return WorkPage.objects.filter(pk__in=work_ids)


def reindex_works(work_ids):
    for work in WorkPage.objects.filter(pk__in=work_ids):
        index.insert_or_update_object(work)


def reindex_works_after_commit(work_ids):
    """For an erasure, which deletes the credit lines before it commits: the works they named
    must still lose the name. `robust`: a search backend failure must not undo the change."""
    work_ids = set(work_ids)
    transaction.on_commit(lambda: reindex_works(work_ids), robust=True)


def reindex_after_commit(creator=None):
    """Once the current transaction commits (at once outside one), index again the works that
    credit `creator`, now or at the commit."""
    crediting_now = set(works_crediting_creator(creator).values_list("pk", flat=True))

    def reindex():
        at_commit = works_crediting_creator(creator).values_list("pk", flat=True)
        reindex_works(crediting_now.union(at_commit))

    transaction.on_commit(reindex, robust=True)
