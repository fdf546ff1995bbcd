"""Works found by the names their credits show: a consenting creator's credit name, an
organisation's name, in English and in Japanese. A name the site may not show (consent
withdrawn, a suspension, an unpublished profile, the legal name behind a stage name) finds
nothing, and the results page never prints it (Article 3.9). The real creators app, through
the site's own search (Wagtail's database backend, SQLite or PostgreSQL)."""

import pytest
from django.core.management import call_command
from django.test import TestCase

from creators.choices import PUBLISH_NAME
from tests.creators.conftest import give
from tests.works.factories import WorkCreditFactory

pytestmark = pytest.mark.django_db

NAME = "森下 遥"
LEGAL_NAME = "本名 秘子"
STAGE_NAME = "Haruka Morishita"


def found(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    titles = [page.title for page in response.context["results"].paginator.object_list]
    return titles, response.content.decode()


@pytest.fixture
def credited(make_work, make_creator_page, works_index_en):
    """A Japanese work crediting 森下 遥 and a label; an English work crediting a creator known
    by a stage name (her English profile) and a studio."""
    person = make_creator_page(PUBLISH_NAME, name=NAME)
    staged = make_creator_page(PUBLISH_NAME, name=LEGAL_NAME, stage_name=STAGE_NAME, english=True)
    work = make_work(slug="yoru", title="夜の散歩", summary="二人が街を歩く。")
    WorkCreditFactory(work=work, role="director", creator_page=person, sort_order=0)
    WorkCreditFactory(work=work, role="label", organisation="ミナト・レコーズ", sort_order=1)
    work.save_revision().publish()
    english = make_work(parent=works_index_en, slug="night", title="Night", summary="A walk.")
    WorkCreditFactory(work=english, role="director", creator_page=staged, sort_order=0)
    WorkCreditFactory(work=english, role="studio", organisation="Harbour Lights", sort_order=1)
    english.save_revision().publish()
    return {"person": person, "staged": staged, "ja": work, "en": english}


def test_a_japanese_query_finds_a_work_by_its_credited_names(client, credited):
    assert found(client, "ja", "森下")[0] == ["夜の散歩"]
    assert found(client, "ja", "森下 遥")[0] == ["夜の散歩"]
    assert found(client, "ja", "レコーズ")[0] == ["夜の散歩"]


def test_an_english_query_finds_a_work_by_its_credited_names(client, credited):
    assert found(client, "en", "Morishita")[0] == ["Night"]
    assert found(client, "en", "harbour lights")[0] == ["Night"]


def test_the_legal_name_behind_a_stage_name_finds_nothing(client, credited):
    for language in ("ja", "en"):
        titles, html = found(client, language, LEGAL_NAME)
        assert titles == [] and "夜の散歩" not in html and "Night" not in html


def withdrawn_name_finds_nothing(client, language, query, title, name):
    """`query` is part of `name`: the page says the query back, but never the whole name."""
    titles, html = found(client, language, query)
    assert titles == []
    assert title not in html and name not in html


def test_a_withdrawal_takes_the_name_out_of_the_search(client, credited):
    """Consent withdrawn (committed, as the entry form's withdrawal would be): the work is no
    longer found by the name, in either language, and not after a full re-index either."""
    give(credited["person"].creator, PUBLISH_NAME, given=False)
    give(credited["staged"].creator, PUBLISH_NAME, given=False)
    withdrawn_name_finds_nothing(client, "ja", "森下", "夜の散歩", NAME)
    withdrawn_name_finds_nothing(client, "en", "Morishita", "Night", STAGE_NAME)
    call_command("update_index", verbosity=0)
    withdrawn_name_finds_nothing(client, "ja", "森下", "夜の散歩", NAME)
    withdrawn_name_finds_nothing(client, "en", "Morishita", "Night", STAGE_NAME)
    # What the work is still found by: its title, and the organisation the credits show.
    assert found(client, "ja", "レコーズ")[0] == ["夜の散歩"]
    assert found(client, "en", "harbour")[0] == ["Night"]


def test_consent_given_again_makes_the_work_findable_again(client, credited):
    creator = credited["person"].creator
    give(creator, PUBLISH_NAME, given=False)
    assert found(client, "ja", "森下")[0] == []
    give(creator, PUBLISH_NAME)
    assert found(client, "ja", "森下")[0] == ["夜の散歩"]


def test_a_suspension_takes_the_name_out_of_the_search(client, credited):
    creator = credited["person"].creator
    creator.suspended = True
    with TestCase.captureOnCommitCallbacks(execute=True):
        creator.save()
    assert found(client, "ja", "森下")[0] == []


def test_an_unpublished_profile_takes_the_name_out_of_the_search(client, credited):
    with TestCase.captureOnCommitCallbacks(execute=True):
        credited["person"].unpublish()
    assert found(client, "ja", "森下")[0] == []
