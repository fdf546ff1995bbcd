"""The page tree of the creators app, its factories, and the demo content."""

import pytest
from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase

from creators.consent import consent_states
from creators.models import Creator, CreatorPage, CreatorsIndexPage, Entry, EntryFormPage
from home.models import HomePage
from tests.creators import factories

pytestmark = pytest.mark.django_db


def test_the_tree_allows_only_the_intended_places():
    checks = WagtailPageTestCase()
    checks.assertCanCreateAt(HomePage, CreatorsIndexPage)
    checks.assertCanCreateAt(HomePage, EntryFormPage)
    checks.assertCanCreateAt(CreatorsIndexPage, CreatorPage)
    checks.assertCanNotCreateAt(HomePage, CreatorPage)
    checks.assertCanNotCreateAt(CreatorPage, CreatorPage)
    assert CreatorsIndexPage.max_count_per_parent == 1 == EntryFormPage.max_count_per_parent


def test_every_page_type_of_the_app_has_a_factory():
    pages = {CreatorsIndexPage, CreatorPage, EntryFormPage}
    made = {
        value._meta.model
        for value in vars(factories).values()
        if isinstance(value, type) and hasattr(value, "_meta") and hasattr(value._meta, "model")
    }
    assert pages <= made


def test_a_profile_without_creator_is_not_found(client, creators_index_ja):
    page = factories.CreatorPageFactory(parent=creators_index_ja, locale=creators_index_ja.locale)
    assert client.get(page.url).status_code == 404


def test_new_profile_slugs_are_random_not_names():
    from creators.models.pages import random_creator_slug

    slugs = {random_creator_slug() for _ in range(20)}
    assert len(slugs) == 20 and all(s.startswith("creator-") for s in slugs)


def test_load_demo_makes_four_creators_with_different_consents_and_is_idempotent(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    counts = (Creator.objects.count(), Entry.objects.count(), CreatorPage.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Creator.objects.count(), Entry.objects.count(), CreatorPage.objects.count()) == counts
    assert counts[0] >= 4 and counts[2] >= 8  # each creator in ja and en
    states = consent_states(Creator.objects.values_list("pk", flat=True))
    combinations = {
        tuple(sorted(w for w, given in state.items() if given and w != "policy"))
        for state in states.values()
    }
    assert {
        (),
        ("publish_achievements", "publish_expertise", "publish_name"),
        ("publish_expertise",),
        ("publish_name",),
    } <= combinations
    stage_named = Creator.objects.exclude(stage_name="").first()
    for language in ("ja", "en"):
        assert client.get(f"/{language}/creators/").status_code == 200
        assert client.get(f"/{language}/entry/").status_code == 200
        index = client.get(f"/{language}/creators/").content.decode()
        assert stage_named.stage_name in index and stage_named.name not in index
    home = HomePage.objects.get(locale__language_code="ja")
    assert home.entry_cta_page.specific_class is EntryFormPage
    assert home.entry_cta_page.url in client.get("/ja/").content.decode()
