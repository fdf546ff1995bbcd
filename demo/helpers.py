"""Demo content helpers: locally generated images and idempotent page creation.

Every app's demo loader in this package uses these.
"""

import hashlib
import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from .stills import film_still


def demo_image(title, seed, size=(1600, 900), letterbox=True):
    """A film still made with Pillow (`demo.stills`), created once per title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = film_still(seed, size, letterbox)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    slug = hashlib.sha1(title.encode()).hexdigest()[:12]
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"demo-{slug}.jpg"),
        description=title,
    )


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def child_page(parent, model, slug, **fields):
    """Return the live child page with `slug` under `parent`, creating and publishing it once."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translation(page, code, **fields):
    """The `code` translation of `page`, created once (with `fields`) and published."""
    target = locale(code)
    existing = page.get_translation_or_none(target)
    if existing:
        return existing.specific
    copy = page.copy_for_translation(target, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def root_page():
    return Page.objects.get(depth=1)
