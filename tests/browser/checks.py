"""What every journey page must pass: axe-core (no serious or critical violation) and
keyboard-only use (Tab reaches every link and field, and the focus can be seen)."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
_axe = Axe()  # bundles axe.min.js and injects it into the page: nothing is fetched
# axe-core ships WCAG 2.2's target size (2.5.8, AA) switched off; the site promises AA.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}

# Every element a keyboard user must be able to reach, tagged with a number so that the Tab
# walk can tell which ones it met. Radio buttons of one group share one Tab stop.
_TAG_FOCUSABLES = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const visible = el => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
  };
  const wanted = [...document.querySelectorAll(selector)].filter(el =>
    !el.disabled && el.tabIndex >= 0 && !el.closest('[inert], [aria-hidden=true]') && visible(el)
    && !el.closest('#wagtail-userbar, wagtail-userbar'));
  const groups = new Map();
  wanted.forEach((el, index) => {
    const key = el.type === 'radio' && el.name ? 'radio:' + el.form?.id + ':' + el.name : 'el:' + index;
    el.dataset.kbStop = key;
    if (!groups.has(key)) groups.set(key, el.outerHTML.slice(0, 160));
  });
  return Object.fromEntries(groups);
}"""

_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {stop: el.dataset.kbStop || null, html: el.outerHTML.slice(0, 160),
          visibleFocus: Boolean(outline || shadow)};
}"""


def assert_accessible(page, context=None):
    """axe-core finds no serious or critical violation on the page as it is now."""
    if getattr(page, "javascript_enabled", True):
        results = _axe.run(page, context=context, options=AXE_OPTIONS)
    else:
        results = _run_axe_on_a_scripted_copy(page, context)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    details = "\n".join(
        f"- [{v['impact']}] {v['id']}: {v['help']}\n    "
        + "\n    ".join(node["html"][:200] for node in v["nodes"][:5])
        for v in blocking
    )
    assert not blocking, f"axe-core on {page.url}:\n{details}"


def _run_axe_on_a_scripted_copy(page, context):
    """axe-core needs timers, which a page without JavaScript never fires. Check the very same
    HTML (same URL, so the same styles) in a sibling page that runs scripts."""
    html = page.content()
    browser = page.context.browser
    copy_context = browser.new_context(
        base_url=None, viewport=page.viewport_size, locale=None, java_script_enabled=True
    )
    try:
        copy = copy_context.new_page()
        copy.route(
            page.url,
            lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        copy.goto(page.url)
        return _axe.run(copy, context=context, options=AXE_OPTIONS)
    finally:
        copy_context.close()


def assert_keyboard_reaches_everything(page, max_steps=400):
    """Tab from the top of the page: every link and field gets the focus, each with a visible
    focus indicator (a computed outline or box-shadow)."""
    stops = page.evaluate(_TAG_FOCUSABLES)
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    reached, invisible = set(), []
    first = None
    for _ in range(min(max_steps, 2 * len(stops) + 10)):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            continue
        key = focused["stop"] or focused["html"]
        if key == first:
            break  # went round once
        first = first or key
        if not focused["visibleFocus"]:
            invisible.append(focused["html"])
        if focused["stop"]:
            reached.add(focused["stop"])
    missed = [html for key, html in stops.items() if key not in reached]
    assert not missed, f"Tab never reaches on {page.url}:\n" + "\n".join(missed)
    assert not invisible, f"No visible focus on {page.url}:\n" + "\n".join(invisible)


def assert_usable(page):
    assert_accessible(page)
    assert_keyboard_reaches_everything(page)
