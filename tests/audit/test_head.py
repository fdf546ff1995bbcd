"""Render-blocking resources read from the document's <head>: the check that answers when
Lighthouse's own audit errors."""

from audit.head import render_blocking_in_head

BASE = "http://127.0.0.1:8000/ja/"


def head(*tags):
    return f"<!DOCTYPE html><html><head>{''.join(tags)}</head><body><p>x</p></body></html>"


def test_stylesheets_and_classic_scripts_in_the_head_block():
    html = head(
        '<link rel="stylesheet" href="/static/css/site.css">',
        '<script src="/static/js/menu.js"></script>',
    )
    assert render_blocking_in_head(html, BASE) == [
        ("stylesheet", "http://127.0.0.1:8000/static/css/site.css"),
        ("script", "http://127.0.0.1:8000/static/js/menu.js"),
    ]


def test_what_does_not_block_is_left_out():
    html = head(
        '<link rel="stylesheet" href="/print.css" media="print">',
        '<link rel="alternate stylesheet" href="/dark.css">',
        '<link rel="icon" href="/favicon.svg">',
        '<link rel="preload" href="/font.woff2" as="font">',
        '<script src="/a.js" defer></script>',
        '<script src="/b.js" async></script>',
        '<script type="module" src="/c.js"></script>',
        '<script type="application/ld+json">{"@type": "Organization"}</script>',
        "<script>document.documentElement.className = 'js'</script>",
    )
    assert render_blocking_in_head(html, BASE) == []


def test_a_screen_stylesheet_blocks_and_body_resources_are_not_in_the_head():
    html = head('<link rel="stylesheet" href="/screen.css" media="screen and (min-width: 40em)">')
    html = html.replace("<p>x</p>", '<link rel="stylesheet" href="/late.css"><script src="/d.js">')
    assert render_blocking_in_head(html, BASE) == [
        ("stylesheet", "http://127.0.0.1:8000/screen.css")
    ]


def test_the_site_blocks_on_its_stylesheets_only(client, site):
    """Our own pages: the site stylesheet blocks (it is the design), no script does."""
    html = client.get("/ja/").content.decode()
    blocking = render_blocking_in_head(html, "http://testserver/ja/")
    assert [kind for kind, url in blocking] == ["stylesheet"] * len(blocking)
    assert any(url.endswith("/static/css/site.css") for kind, url in blocking)
