"""The next moment a policy revision goes live, known without asking the database each time.

Article 8: a scheduled revision is in force from its go-live moment, and the first request after
it publishes it (`publish_if_due`). Asking the database for due revisions on every request (and
every `version_in_force()` call) cost a query each; the next go-live moment is kept in the shared
cache instead, under a generation that scheduling or publishing a policy revision moves, and moves
again after its commit. The generation is read before the database, so a request that read the schedule before a
new one was committed stores its answer where nobody looks any more. While the cache is down the
database is asked every time, as before.
"""

import math
import secrets
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Revision

from home.purge import purge_page_cache

GENERATION_KEY = "policy:schedule"
NEXT_SECONDS = 3600  # recomputed at least hourly, whatever happens


def policy_page_type():
    """The policy page's content type, named: the page model reads this module (its routing
    publishes what is due), so this module cannot import the page model."""
    return ContentType.objects.get_by_natural_key("policy", "policypage")


def next_go_live_from_database():
    moment = Revision.objects.filter(
        content_type=policy_page_type(), approved_go_live_at__isnull=False
    ).aggregate(next=Min("approved_go_live_at"))["next"]
    return moment.timestamp() if moment else math.inf


def next_go_live():
    """Epoch seconds of the earliest scheduled policy revision (infinity when none)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(6), timeout=None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            return next_go_live_from_database()  # the cache is down
    key = f"policy:next-go-live:{generation}"
    moment = cache.get(key)
    if moment is None:
        moment = next_go_live_from_database()
        cache.set(key, moment, NEXT_SECONDS)
    return moment


def publish_if_due():
    """Publish every policy revision whose moment has passed; True if one was."""
    if next_go_live() > time.time():
        return False
    published = publish_due_revisions()
    schedule_changed()
    return published


def schedule_changed():
    """Forget the next moment now (this transaction then sees its own schedule) and again once
    the transaction commits, so that what another request read meanwhile is forgotten too."""
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY), robust=True)


def revision_saved(sender, instance, **kwargs):
    if (
        instance.approved_go_live_at is not None
        and instance.content_type_id == policy_page_type().pk
    ):
        schedule_changed()
        purge_page_cache()  # copies kept past the new moment would outlive it


def policy_published(sender, **kwargs):
    # Publishing clears every approved_go_live_at of the page with update(): no post_save.
    schedule_changed()


def due_revisions():
    return Revision.objects.filter(
        content_type=policy_page_type(), approved_go_live_at__lte=timezone.now()
    ).order_by("approved_go_live_at")


def publish_due_revisions(page=None):
    """Publish every policy revision whose go-live moment has passed; True if any was."""
    revisions = due_revisions()
    if page is not None:
        revisions = revisions.filter(object_id=str(page.pk))
    if not revisions.exists():
        return False
    published = False
    for candidate in revisions:
        with transaction.atomic():
            # Lock and re-read: a concurrent request or publish_scheduled may have published
            # it already (publishing clears approved_go_live_at).
            revision = (
                Revision.objects.select_for_update()
                .filter(pk=candidate.pk, approved_go_live_at__lte=timezone.now())
                .first()
            )
            if revision is not None:
                revision.publish(log_action="wagtail.publish.scheduled")
                published = True
    return published
