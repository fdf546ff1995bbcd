"""Anything that changes what creators' pages may show bumps the cache state (creators.cache)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .cache import bump_state
from .models import Creator, CreatorPage
from .search_index import reindex_after_commit


@receiver(post_save, sender=Creator)
@receiver(pre_delete, sender=Creator)  # before its pages lose the link to it
def creator_changed(sender, instance, **kwargs):
    bump_state(instance)


# A page published, unpublished or deleted is purged with its neighbours by home.purge.
@receiver(post_delete, sender=CreatorPage)
@receiver(page_published, sender=CreatorPage)
@receiver(page_unpublished, sender=CreatorPage)
def creators_changed(sender, instance, **kwargs):
    bump_state(purge=False)
    if instance.creator_id is not None:  # the works crediting the page, found by its name
        reindex_after_commit(instance.creator_id)
