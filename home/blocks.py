"""The shared stream blocks. Apps build their own stream from `BaseStreamBlock` and add the
blocks only they need (works adds credits)."""

import re
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
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


EMBED_SECONDS = 24 * 3600


def stored_embeds(urls):
    """{url: Embed} for those of `urls` already in Wagtail's embed table, read through the
    shared cache: an oEmbed answer is the same for every visitor and hardly ever changes, so a
    page's videos cost no query after the first visit."""
    keys = {f"embed:{get_embed_hash(url)}": url for url in urls if url}
    found = {keys[key]: embed for key, embed in cache.get_many(list(keys)).items()}
    missing = {get_embed_hash(url): url for url in keys.values() if url not in found}
    if missing:
        stored = {missing[e.hash]: e for e in Embed.objects.filter(hash__in=list(missing))}
        cache.set_many({f"embed:{e.hash}": e for e in stored.values()}, EMBED_SECONDS)
        found.update(stored)
    return found


def _cached_embed(url):
    stored = stored_embeds([url]).get(url)
    if stored is not None:
        return stored
    try:
        embed = get_embed(url)
    except EmbedException:
        return None
    cache.set(f"embed:{embed.hash}", embed, EMBED_SECONDS)
    return embed


def _any_image():
    """A stored image for the block picker's preview (None on an empty library)."""
    return get_image_model().objects.order_by("pk").first()


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=pgettext_lazy("block", "image"))
    caption = blocks.CharBlock(
        label=pgettext_lazy("block", "caption"), required=False, max_length=250
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = pgettext_lazy("block", "Image")
        description = _("An image across the text column, with an optional caption.")

    def get_preview_value(self):
        image = _any_image()
        return self.to_python({"image": image.pk if image else None, "caption": "撮影現場より"})


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=pgettext_lazy("block", "heading"), required=False, max_length=120
    )
    images = blocks.ListBlock(ImageBlock(), min_num=1, label=pgettext_lazy("block", "stills"))

    class Meta:
        icon = "image"
        template = "blocks/gallery.html"
        label = pgettext_lazy("block", "Gallery")
        description = _("A grid of stills.")

    def get_preview_value(self):
        image = _any_image()
        return self.to_python({"heading": "スチール", "images": [image.pk] * 2 if image else []})


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=pgettext_lazy("block", "quotation"))
    attribution = blocks.CharBlock(
        label=pgettext_lazy("block", "attribution"), required=False, max_length=120
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = pgettext_lazy("block", "Quote")
        description = _("A quotation, with who said it.")
        preview_value = {"quote": "AIは道具、物語は人。", "attribution": "ALLIN STUDIO"}


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video behind a click-to-play poster: the visitor's browser contacts
    the video site only after the visitor presses play."""

    video = EmbedBlock(
        label=pgettext_lazy("block", "video address"), help_text=_("A YouTube or Vimeo address.")
    )
    title = blocks.CharBlock(
        label=pgettext_lazy("block", "title"),
        required=False,
        max_length=120,
        help_text=_("Read on the play button."),
    )
    # A chooser, not an ImageBlock: the poster sits behind the labelled play button and renders
    # with alt="", so it has no alt text to ask for (and wagtail-localize 1.14 cannot extract an
    # empty optional ImageBlock).
    poster = ImageChooserBlock(
        label=pgettext_lazy("block", "poster"),
        required=False,
        help_text=_("Shown behind the play button. Defaults to the work's poster."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = pgettext_lazy("block", "Video")
        description = _("A video that loads only when the visitor presses play.")
        # No address: a preview must not call the video site for its oEmbed data.
        preview_value = {"title": "Showreel"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        prefetched = (parent_context or {}).get("embeds") or {}
        url = value["video"].url if value["video"] else ""
        context["facade"] = video_facade(url, prefetched.get(url))
        # Behind the play button: the block's own poster, else the page's (a work's poster).
        page = (parent_context or {}).get("page")
        context["poster"] = value["poster"] or getattr(page, "poster", None)
        return context


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=pgettext_lazy("block", "heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=pgettext_lazy("block", "level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = pgettext_lazy("block", "Heading")
        description = _("A section heading; it also appears in the page outline.")
        preview_value = {"text": "制作の流れ", "level": "h2"}


class TableRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=pgettext_lazy("block", "row heading"), max_length=120)
    value = blocks.TextBlock(label=pgettext_lazy("block", "value"))


class TableBlock(blocks.StructBlock):
    """A two-column table (row heading, value): fees, terms, a profile. Made of plain text
    blocks so that wagtail-localize offers every cell for translation."""

    caption = blocks.CharBlock(
        label=pgettext_lazy("block", "caption"), required=False, max_length=120
    )
    rows = blocks.ListBlock(TableRowBlock(), min_num=1, label=pgettext_lazy("block", "rows"))

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = pgettext_lazy("block", "Table")
        description = _("A table of row headings and values, such as fees or terms.")
        preview_value = {
            "caption": "報酬の目安",
            "rows": [
                {"label": "企画・脚本", "value": "1本あたり 20万円から"},
                {"label": "AI映像生成", "value": "1カットあたり 3万円から"},
            ],
        }


class PersonBlock(blocks.StructBlock):
    """One line: a role and who held it. A creator is chosen by their profile and shown by the
    name they consent to publish now (the profile's `credit_name()`, as on works), so nobody's
    name is typed in; a typed name is for the studio's own staff or an organisation."""

    role = blocks.CharBlock(label=pgettext_lazy("block", "role"), max_length=120)
    profile = blocks.PageChooserBlock(
        label=pgettext_lazy("block", "creator profile"),
        required=False,
        help_text=_("A creator: their name is shown only while they consent to it."),
    )
    name = blocks.CharBlock(
        label=pgettext_lazy("block", "studio staff or organisation"),
        max_length=120,
        required=False,
        help_text=_("Never a creator's name: choose their profile instead."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("profile")) == bool(value.get("name", "").strip()):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "name": ValidationError(
                        _(
                            "Choose a creator profile or type a staff member's or organisation's name: one of the two."
                        )
                    )
                }
            )
        if value.get("profile") and not callable(
            getattr(value["profile"].specific, "credit_name", None)
        ):
            raise blocks.StructBlockValidationError(
                block_errors={"profile": ValidationError(_("Choose a creator profile."))}
            )
        return value

    def shown_name(self, value):
        """The name to show now: "" hides the line (no consent, suspended, unpublished)."""
        page = value.get("profile")
        if page is None:
            return value.get("name", "")
        page = page.specific
        if not page.live:
            return ""
        return page.credit_name() or ""


class PeopleBlock(blocks.StructBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        person = self.child_blocks["people"].child_block
        lines = [(item["role"], person.shown_name(item)) for item in value["people"]]
        context["lines"] = [(role, name) for role, name in lines if name]
        return context

    """People and their roles (staff, partners, creators by their consenting profile)."""

    heading = blocks.CharBlock(
        label=pgettext_lazy("block", "heading"), required=False, max_length=120
    )
    people = blocks.ListBlock(PersonBlock(), min_num=1, label=pgettext_lazy("block", "people"))

    class Meta:
        icon = "group"
        template = "blocks/people.html"
        label = pgettext_lazy("block", "People")
        description = _(
            "A list of people and their roles: studio staff, or creators by their profile."
        )
        preview_value = {
            "heading": "スタッフ",
            "people": [
                {"role": "プロデューサー", "name": "森田 遥"},
                {"role": "ディレクター", "name": "高村 湊"},
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=pgettext_lazy("block", "text"), max_length=250)
    button = blocks.CharBlock(label=pgettext_lazy("block", "button label"), max_length=60)
    page = blocks.PageChooserBlock(label=pgettext_lazy("block", "page"), required=False)
    url = blocks.URLBlock(
        label=pgettext_lazy("block", "or address"),
        required=False,
        help_text=_("Used when no page is chosen."),
    )

    class Meta:
        icon = "link"
        template = "blocks/call-to-action.html"
        label = pgettext_lazy("block", "Call to action")
        description = _("A sentence and a button leading to a page, such as the contact form.")
        preview_value = {
            "text": "映像制作のご相談はこちらから。",
            "button": "お問い合わせ",
            "url": "https://example.com/ja/contact/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=pgettext_lazy("block", "Text"),
        features=TEXT_FEATURES,
        template="blocks/text.html",
        icon="pilcrow",
        description=_("Paragraphs, headings, lists and links."),
        preview_value="<p>生成AIと実写を組み合わせた映像表現。</p>",
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()


class ContentStreamBlock(BaseStreamBlock):
    """The stream of general pages (about, services, terms for creators)."""

    heading = HeadingBlock()
    table = TableBlock()
    people = PeopleBlock()
    call_to_action = CallToActionBlock()
