"""Anything that changes what creators' pages may show bumps the cache state (creators.cache)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .cache import bump_state
from .models import Creator, CreatorPage


@receiver(post_save, sender=Creator)
@receiver(post_delete, sender=Creator)
@receiver(post_delete, sender=CreatorPage)
@receiver(page_published, sender=CreatorPage)
@receiver(page_unpublished, sender=CreatorPage)
def creators_changed(sender, **kwargs):
    bump_state()
