"""The pages `make audit` audits, found in the page tree: one live public page of every page type
in each language, plus the views under or beside them that a type's own URL does not show.

A page type added later (about, contact, news...) is audited without a change here. To audit a
route under a page type, add a function to ROUTES; to audit a view outside the tree, add it to
views(). Run inside Django with the site's settings: `python -m audit.pages` prints JSON.
"""

import json
import re

import django

# Audits excluded on purpose, with the reason the report prints beside the page.
SEARCH_EXCLUSIONS = {
    "is-crawlable": "search results carry a deliberate noindex (they are not content to index)",
}


def policy_routes(page):
    from policy.versions import PolicyVersion

    numbers = list(
        PolicyVersion.objects.filter(locale_id=page.locale_id)
        .order_by("number")
        .values_list("number", flat=True)
    )
    routes = [("versions", page.reverse_subpage("versions"))]
    if numbers:
        routes.append(("version", page.reverse_subpage("version", args=(numbers[-1],))))
    if len(numbers) > 1:
        pair = (numbers[-2], numbers[-1])
        routes.append(("compare", page.reverse_subpage("compare", args=pair)))
    return routes


# Page model label -> function(page) -> [(name suffix, route under the page's URL)]
ROUTES = {"policy.policypage": policy_routes}


def search_term(language):
    """A word the demo content is sure to contain, so the audited search shows results."""
    from works.models import WorkPage

    work = WorkPage.objects.live().public().filter(locale__language_code=language).first()
    word = re.match(r"\w+", work.title) if work else None
    return word.group() if word else "ALLIN"


def views(language):
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        search = reverse("search") + "?" + urlencode({"q": search_term(language)})
    return [{"name": "search", "path": search, "exclude": SEARCH_EXCLUSIONS, "results": True}]


def tree_pages(language):
    """The first live public page (in tree order) of each page type in one language."""
    from wagtail.models import Page

    pages, seen = [], set()
    live = Page.objects.live().public().filter(depth__gt=1, locale__language_code=language)
    for page in live.order_by("path").specific():
        label = page._meta.label_lower
        if label in seen:
            continue
        seen.add(label)
        url = page.get_url()
        if not url:
            continue  # not under a site: visitors cannot reach it
        name = page._meta.model_name.removesuffix("page") or "page"
        pages.append({"name": name, "path": url, "type": label})
        for suffix, route in ROUTES.get(label, lambda page: [])(page):
            path = url.rstrip("/") + "/" + route.lstrip("/")
            pages.append({"name": f"{name} {suffix}", "path": path, "type": label})
    return pages


def pages_to_audit(languages):
    return [
        {"language": language, "exclude": {}, **page}
        for language in languages
        for page in tree_pages(language) + views(language)
    ]


if __name__ == "__main__":
    import sys

    django.setup()
    print(json.dumps(pages_to_audit(sys.argv[1:] or ["ja", "en"]), ensure_ascii=False))
