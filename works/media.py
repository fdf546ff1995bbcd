"""Load what a work's body needs to render in a fixed number of queries, however many stills
and videos it holds: the renditions of every image at once, and every cached embed at once."""

from django.db.models import prefetch_related_objects

from home.blocks import stored_embeds


def body_images(body):
    for block in body:
        value = block.value
        if block.block_type == "image":
            yield value["image"]
        elif block.block_type == "gallery":
            yield from value["images"]
        elif block.block_type == "video":
            yield value["poster"]


def prefetch_renditions(images):
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, "renditions")
    return images


def prefetch_embeds(body):
    """{url: Embed} for the videos of `body` already in Wagtail's embed cache."""
    urls = {
        block.value["video"].url
        for block in body
        if block.block_type == "video" and block.value["video"]
    }
    return stored_embeds(urls) if urls else {}


def prefetch_body_media(body, extra_images=()):
    """Prefetch for `body` (and `extra_images`, such as the poster); return the embeds."""
    prefetch_renditions([*extra_images, *body_images(body)])
    return prefetch_embeds(body)
