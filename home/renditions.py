"""Renditions are made by the task worker, never inside a visitor's request (issue 12).

When an image is uploaded, or a page that shows images is published, a task makes every rendition
the templates ask for (`RENDITION_SPECS`, the `{% picture %}`, `{% srcset_image %}` and `{% image %}`
specs of templates/, expanded; a test keeps the two in step). Wagtail stores them in the database
and in the `renditions` cache alias, so the page that follows finds them ready.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import ReferenceIndex

# The filter specs exactly as the templates write them (order matters: it is the rendition's
# name); tests/home/test_renditions.py reads templates/ and fails if one is missing here.
RENDITION_PATTERNS = [
    "format-{avif,webp,jpeg}|fill-{480x270,960x540}",  # work cards, gallery tiles
    "format-{avif,webp,jpeg}|fill-{800x450,1600x900}",  # a work's poster, video posters
    "format-{avif,webp,jpeg}|width-{640,1280}",  # images in the text column, news
    "fill-{640x360,960x540,1280x720,1600x900}|format-webp",  # the home hero, landscape
    "fill-{480x640,720x960,960x1280}|format-webp",  # the home hero, portrait
    "fill-1200x630|format-jpeg",  # the Open Graph image
    "fill-160x90|format-webp",  # thumbnails in lists
]
RENDITION_SPECS = [spec for pattern in RENDITION_PATTERNS for spec in Filter.expand_spec(pattern)]


@task()
def make_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0  # deleted since
    return len(image.get_renditions(*RENDITION_SPECS))


def make_after_commit(image_ids):
    """Enqueue the renditions once the upload or publish commits. Robust: if the queue cannot be
    reached then, what was saved stays saved and its editor is not shown an error; the first
    visit makes the renditions instead (Wagtail's own fallback)."""
    for image_id in sorted(set(image_ids)):
        # A lambda, not a partial: Django names a failed robust callback by its __qualname__.
        transaction.on_commit(
            lambda image_id=image_id: make_renditions.enqueue(image_id), robust=True
        )


def image_saved(sender, instance, created, **kwargs):
    if created:  # a new upload; Wagtail makes new renditions itself when the focal point moves
        make_after_commit([instance.pk])


def images_of(page):
    """Every image the page refers to (fields and StreamField blocks), from Wagtail's index."""
    image_type = ContentType.objects.get_for_model(get_image_model())
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type=image_type)
    return [int(pk) for pk in references.values_list("to_object_id", flat=True)]


def page_published_renditions(sender, instance, **kwargs):
    make_after_commit(images_of(instance))
