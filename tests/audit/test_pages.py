"""`make audit` audits one page of every page type in the tree, the routes under the policy and
the search: the list comes from the page tree, so a page type added later is audited too."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from audit.pages import pages_to_audit, tree_pages


@pytest.fixture
def demo(site):
    call_command("load_demo", post_amendment=True, stdout=StringIO())


def live_page_types(language):
    pages = Page.objects.live().public().filter(depth__gt=1, locale__language_code=language)
    return {page._meta.label_lower for page in pages.specific()}


@pytest.mark.slow
def test_every_live_page_type_and_route_is_audited_and_answers(client, demo):
    pages = pages_to_audit(["ja", "en"])
    for language in ("ja", "en"):
        mine = [p for p in pages if p["language"] == language]
        assert {p["type"] for p in mine if "type" in p} == live_page_types(language)
        names = [p["name"] for p in mine]
        assert len(names) == len(set(names))
        for route in ("policy versions", "policy version", "policy compare", "search"):
            assert route in names, (language, route)
    for page in pages:
        response = client.get(page["path"])
        assert response.status_code == 200, page["path"]
    search = [p for p in pages if p["name"] == "search"]
    assert all(p["exclude"] == {"is-crawlable": p["exclude"]["is-crawlable"]} for p in search)
    for page in search:  # the demo's search index is built: the audited search shows results
        assert 'class="search-results"' in client.get(page["path"]).content.decode(), page


def test_drafts_and_private_pages_are_not_audited(site):
    from tests.works.factories import WorkPageFactory, WorksIndexPageFactory

    index = WorksIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    draft = WorkPageFactory(parent=index, locale=site["ja"].locale, live=False)
    assert "work" not in [p["name"] for p in tree_pages("ja")]
    draft.save_revision().publish()
    assert "work" in [p["name"] for p in tree_pages("ja")]
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert {p["name"] for p in tree_pages("ja")} == {"home"}
