"""Credits: a person is credited through their creator profile and shown only while they
consent to their name being published (the whole line goes otherwise); an organisation is typed
and shown as an Organization. Roles are a fixed vocabulary shown in the page's language. The
real creators app is used throughout, no stand-in."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from tests.creators.conftest import give
from tests.works.factories import WorkCreditFactory
from works.models import WorkCredit

pytestmark = pytest.mark.django_db


@pytest.fixture
def credited(make_work, make_creator_page):
    consented = make_creator_page(PUBLISH_NAME, name="森下 遥", english=True)
    withheld = make_creator_page(PUBLISH_EXPERTISE, name="田中 一郎")
    unpublished = make_creator_page(PUBLISH_NAME, name="非公開 名前")
    unpublished.unpublish()
    work = make_work(slug="credited")
    WorkCreditFactory(work=work, role="director", creator_page=consented, sort_order=0)
    WorkCreditFactory(work=work, role="cinematography", creator_page=withheld, sort_order=1)
    WorkCreditFactory(work=work, role="editing", creator_page=unpublished, sort_order=2)
    WorkCreditFactory(work=work, role="label", organisation="ミナト・レコーズ", sort_order=3)
    work.save_revision().publish()
    return {"work": work, "pages": [consented, withheld, unpublished]}


def credit_lines(html):
    section = html.split('class="credits"')[1].split("</section>")[0]
    return re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", section, re.S)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_a_line_shows_only_while_the_person_consents(client, credited):
    html = client.get("/ja/works/credited/").text
    lines = credit_lines(html)
    assert [role for role, _name in lines] == ["監督", "レーベル"], "hidden lines are gone whole"
    assert "森下 遥" in lines[0][1] and lines[1][1] == "ミナト・レコーズ"
    for hidden in ("田中 一郎", "非公開 名前", "撮影", "編集"):
        assert hidden not in html


def test_a_withdrawal_removes_the_line_on_the_next_request(client, credited):
    consented = credited["pages"][0]
    assert "森下 遥" in client.get("/ja/works/credited/").text
    give(consented.creator, PUBLISH_NAME, given=False)
    html = client.get("/ja/works/credited/").text
    assert "森下 遥" not in html and "監督" not in html.split('class="credits"')[1]


def test_the_consented_name_links_to_the_profile(client, credited):
    consented = credited["pages"][0]
    assert f'<a href="{consented.url}">森下 遥</a>' in client.get("/ja/works/credited/").text


def test_structured_data_has_people_and_organisations(client, credited):
    data = json_ld(client.get("/ja/works/credited/").text)[0]
    assert data["creator"] == [
        {"@type": "Person", "name": "森下 遥", "jobTitle": "監督"},
        {"@type": "Organization", "name": "ミナト・レコーズ", "description": "レーベル"},
    ]


def test_the_english_work_says_director_and_links_the_english_profile(client, credited, site):
    work = credited["work"]
    english = work.copy_for_translation(site["en"].locale, copy_parents=True)
    english.title = "Credited, in English"
    english.save_revision().publish()
    consented_en = credited["pages"][0].get_translation(site["en"].locale)
    html = client.get(english.url).text
    lines = credit_lines(html)
    assert lines[0][0] == "Director" and lines[1][0] == "Label"
    assert f'<a href="{consented_en.url}">森下 遥</a>' in html
    assert "監督" not in html
    people = json_ld(html)[0]["creator"]
    assert people[0] == {"@type": "Person", "name": "森下 遥", "jobTitle": "Director"}
    # And the English profile lists the English work (the credit links the Japanese profile).
    assert "Credited, in English" in client.get(consented_en.url).text


def test_a_credit_is_a_creator_or_an_organisation(credited, site):
    work = credited["work"]
    with pytest.raises(ValidationError):
        WorkCredit(work=work, role="director").full_clean()
    with pytest.raises(ValidationError):
        WorkCredit(
            work=work, role="director", creator_page=credited["pages"][0], organisation="X"
        ).full_clean()
    with pytest.raises(ValidationError) as error:
        WorkCredit(work=work, role="director", creator_page=site["ja"]).full_clean()
    assert "creator_page" in error.value.message_dict
    with pytest.raises(ValidationError):
        WorkCredit(work=work, role="監督", organisation="ALLIN STUDIO").full_clean()


def test_linked_pages_are_prefetched(client, credited, django_assert_max_num_queries):
    from works.credits import credits_for

    work = credited["work"]
    with django_assert_max_num_queries(8):
        lines = credits_for(work)
    assert [line["name"] for line in lines] == ["森下 遥", "ミナト・レコーズ"]


def test_credits_block_places_the_credits_in_the_body(client, credited):
    from tests.works.factories import stream

    work = credited["work"]
    work.body = stream(("credits", {"heading": "スタッフ"}), ("text", "<p>本文の続き</p>"))
    work.save_revision().publish()
    html = client.get("/ja/works/credited/").text
    assert html.count('class="credits"') == 1
    assert html.index("スタッフ") < html.index("本文の続き")
