"""A local stand-in for YouTube's and Vimeo's oEmbed endpoints: tests never use the network."""

from wagtail.embeds.finders.base import EmbedFinder

from home.blocks import VIMEO, YOUTUBE


class LocalEmbedFinder(EmbedFinder):
    def accept(self, url):
        return bool(YOUTUBE.search(url) or VIMEO.search(url))

    def find_embed(self, url, max_width=None, max_height=None):
        provider = "YouTube" if YOUTUBE.search(url) else "Vimeo"
        return {
            "title": f"{provider} test video",
            "author_name": "ALLIN STUDIO",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": "",
            "width": 1280,
            "height": 720,
            # What the real providers send: a ready iframe. The site must not print it.
            "html": f'<iframe src="https://www.youtube.com/embed/x?from={url}"></iframe>',
        }
