"""Render-blocking resources read from the document's <head>, without Lighthouse.

What the HTML standard makes block the first paint: a stylesheet link whose media matches
(no media, "all" or "screen"; "print" and other queries do not block) and a classic external
script without async or defer (modules are deferred). Lighthouse's own audit errored with some
Chromium versions; this check always gives an answer.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin

NON_BLOCKING_MEDIA = ("print", "speech", "not all")


class HeadParser(HTMLParser):
    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.in_head = False
        self.done = False
        self.blocking = []

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "head":
            self.in_head = True
            return
        if tag == "body":
            self.done = True
            return
        if not self.in_head:
            return
        attributes = dict(attrs)
        if tag == "link" and blocks_as_stylesheet(attributes):
            self.blocking.append(("stylesheet", urljoin(self.base_url, attributes["href"])))
        elif tag == "script" and blocks_as_script(attributes):
            self.blocking.append(("script", urljoin(self.base_url, attributes["src"])))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head, self.done = False, True


def blocks_as_stylesheet(attributes):
    rels = (attributes.get("rel") or "").lower().split()
    if "stylesheet" not in rels or "alternate" in rels or "disabled" in attributes:
        return False
    if not attributes.get("href"):
        return False
    media = (attributes.get("media") or "all").strip().lower()
    return not media.startswith(NON_BLOCKING_MEDIA)


def blocks_as_script(attributes):
    if not attributes.get("src"):
        return False  # inline scripts cost no request
    kind = (attributes.get("type") or "").strip().lower()
    if kind == "module" or (kind and "javascript" not in kind):
        return False
    return "async" not in attributes and "defer" not in attributes


def render_blocking_in_head(html, base_url):
    """[(kind, absolute URL)] for each resource in <head> that blocks the first paint."""
    parser = HeadParser(base_url)
    parser.feed(html)
    parser.close()
    return parser.blocking
