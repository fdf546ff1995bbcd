"""The content pages' people list keeps Article 3.9 like the works' credits: a creator appears
through their profile and only while they consent to their name; a typed name is for studio staff
or an organisation. (Here beside the credits tests for their creator-profile fixtures.)"""

import json

import pytest
from wagtail.blocks import StructBlockValidationError

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from home.blocks import PersonBlock
from tests.creators.conftest import give
from tests.pages.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people_page(site, make_creator_page):
    consented = make_creator_page(PUBLISH_NAME, name="森下 遥")
    withheld = make_creator_page(PUBLISH_EXPERTISE, name="田中 一郎")
    people = [
        {"role": "監督", "profile": consented.pk, "name": ""},
        {"role": "撮影", "profile": withheld.pk, "name": ""},
        {"role": "プロデューサー", "profile": None, "name": "森田 遥"},
    ]
    page = ContentPageFactory(parent=site["ja"], locale=site["ja"].locale, slug="team")
    page.body = json.dumps([{"type": "people", "value": {"heading": "チーム", "people": people}}])
    page.save_revision().publish()
    return {"page": page, "consented": consented}


def test_a_creator_shows_only_while_they_consent(client, people_page):
    html = client.get(people_page["page"].url).text
    assert "<dt>監督</dt><dd>森下 遥</dd>" in html
    assert "<dt>プロデューサー</dt><dd>森田 遥</dd>" in html
    assert "田中 一郎" not in html and "<dt>撮影</dt>" not in html
    give(people_page["consented"].creator, PUBLISH_NAME, given=False)
    html = client.get(people_page["page"].url).text
    assert "森下 遥" not in html and "<dt>監督</dt>" not in html


@pytest.mark.parametrize(
    "line",
    [
        {"role": "監督", "profile": None, "name": ""},  # nobody
        {"role": "監督", "profile": "creator", "name": "森下 遥"},  # both
        {"role": "監督", "profile": "home", "name": ""},  # a page that is no creator profile
    ],
)
def test_a_line_is_a_creator_profile_or_a_typed_staff_name(line, site, make_creator_page):
    pages = {"creator": make_creator_page(PUBLISH_NAME), "home": site["ja"], None: None}
    block = PersonBlock()
    value = block.to_python({**line, "profile": getattr(pages[line["profile"]], "pk", None)})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
