"""The shared stream blocks. Apps build their own stream from `BaseStreamBlock` and add the
blocks only they need (works adds credits)."""

import re
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

YOUTUBE = re.compile(r"(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)([\w-]{11})")
VIMEO = re.compile(r"vimeo\.com/(?:video/)?(\d+)")


def video_facade(url, embed=None):
    """What the click-to-play facade needs: the privacy-friendly player address (built from the
    video id, so it always matches the CSP's frame-src), a title and the aspect ratio.
    `embed` is the cached Wagtail embed for `url` when the caller has it; None means unknown
    provider (the template then shows a plain link)."""
    if embed is None and url:
        embed = _cached_embed(url)
    title = getattr(embed, "title", "") or ""
    if match := YOUTUBE.search(url):
        query = urlencode({"autoplay": 1, "rel": 0})
        player = f"https://www.youtube-nocookie.com/embed/{match[1]}?{query}"
        return {"provider": "YouTube", "player_url": player, "title": title}
    if match := VIMEO.search(url):
        query = urlencode({"autoplay": 1, "dnt": 1})
        player = f"https://player.vimeo.com/video/{match[1]}?{query}"
        return {"provider": "Vimeo", "player_url": player, "title": title}
    return None


def _cached_embed(url):
    from wagtail.embeds.embeds import get_embed
    from wagtail.embeds.exceptions import EmbedException

    try:
        return get_embed(url)
    except EmbedException:
        return None


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        label = _("Image")
        icon = "image"
        template = "blocks/image.html"
        description = _("An image across the text column, with an optional caption.")


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    images = blocks.ListBlock(ImageBlock(label=_("Still")), min_num=1, label=_("stills"))

    class Meta:
        label = _("Gallery")
        icon = "image"
        template = "blocks/gallery.html"
        description = _("A grid of stills.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=120, label=_("Attribution"))

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "blocks/quote.html"
        description = _("A quotation, with who said it.")
        preview_value = {"quote": "AIは道具、物語は人。", "attribution": "ALLIN STUDIO"}


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video behind a click-to-play poster: the visitor's browser contacts
    the video site only after the visitor presses play."""

    video = EmbedBlock(label=_("Video"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Title"),
        help_text=_("Read on the play button."),
    )
    # A chooser, not an ImageBlock: the poster sits behind the labelled play button and renders
    # with alt="", so it has no alt text to ask for (and wagtail-localize 1.14 cannot extract an
    # empty optional ImageBlock).
    poster = ImageChooserBlock(
        required=False,
        label=_("Poster"),
        help_text=_("Shown behind the play button. Defaults to the work's poster."),
    )

    class Meta:
        label = _("Video")
        icon = "media"
        template = "blocks/video.html"
        description = _("A video that loads only when the visitor presses play.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        prefetched = (parent_context or {}).get("embeds") or {}
        url = value["video"].url if value["video"] else ""
        context["facade"] = video_facade(url, prefetched.get(url))
        return context


class BaseStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        template="blocks/text.html",
        label=_("Text"),
        icon="pilcrow",
        description=_("Paragraphs, headings, lists and links."),
        preview_value="<p>生成AIと実写を組み合わせた映像表現。</p>",
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
