"""Against the real creators app: its handler answers disclosure, deletion and suspension.

(The privacy-requests code never imports creators; only this test does, to build the data.)
"""

import json
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from creators.choices import HOW_ENTRY_FORM, POLICY, PUBLISH_ACHIEVEMENTS, PUBLISH_NAME
from creators.consent import consent_wording, wording_hash
from creators.models import Consent, Creator
from creators.provisions import record_introduction
from privacy_requests.models import PrivacyRequest
from tests.creators.factories import CreatorFactory, CreatorPageFactory, CreatorsIndexPageFactory

from .scan import tables_containing

pytestmark = pytest.mark.django_db


@pytest.fixture
def creators_index(site):
    return CreatorsIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)


@pytest.fixture
def make_creator(creators_index):
    def make(name, email, phone, slug):
        creator = CreatorFactory(name=name, email=email, phone=phone, achievements=f"{name} 監督作")
        for what in (POLICY, PUBLISH_NAME, PUBLISH_ACHIEVEMENTS):
            Consent.objects.create(
                creator=creator,
                what=what,
                given=True,
                at=timezone.now(),
                how=HOW_ENTRY_FORM,
                language="ja",
                wording_sha256=wording_hash(consent_wording(what, "ja")),
            )
        page = CreatorPageFactory(
            parent=creators_index, locale=creators_index.locale, creator=creator, slug=slug
        )
        return creator, page

    return make


@pytest.fixture
def creator(make_creator):
    return make_creator("秘密 花子", "hanako.secret@example.com", "090-1111-2222", "hanako")


@pytest.fixture
def other_creator(make_creator):
    return make_creator("別人 次郎", "jiro.other@example.com", "080-3333-4444", "jiro")


def act(client, privacy_request, **data):
    client.post(reverse("privacy_requests:action", args=[privacy_request.pk]), data)
    privacy_request.refresh_from_db()


def test_disclosure_contains_the_creator_record_and_consents_and_no_one_else(
    officer_client, confirmed_request, creator, other_creator, fetch_answer
):
    person, _ = creator
    privacy_request = confirmed_request(
        person.email, name=person.name, kind="disclosure", language="ja"
    )
    act(officer_client, privacy_request, action="fee", fee_status="paid")
    act(officer_client, privacy_request, action="release")
    archive = fetch_answer()
    data = json.loads(archive.read("answer.json"))
    found = {section["key"]: section["records"] for section in data["records"]}
    assert [
        (c["name"]["value"], c["email"]["value"], c["phone"]["value"]) for c in found["creators"]
    ] == [(person.name, person.email, person.phone)]
    assert {c["what"]["value"] for c in found["consents"]} == {
        "プライバシーポリシーへの同意",
        "氏名または活動名の掲載",
        "過去の実績の掲載",
    }
    # The exact wording the person saw, not only its hash.
    assert {c["wording"]["value"] for c in found["consents"]} == {
        consent_wording(what, "ja") for what in (POLICY, PUBLISH_NAME, PUBLISH_ACHIEVEMENTS)
    }
    letter = archive.read("answer.html").decode()
    assert consent_wording(PUBLISH_NAME, "ja") in letter
    assert "publish_name" not in letter and "True" not in letter
    text = letter + archive.read("answer.json").decode()
    other, _ = other_creator
    for foreign in (other.email, other.name, other.phone):
        assert foreign not in text


@pytest.mark.parametrize(
    ("language", "title", "items", "day"),
    [
        ("ja", "第三者への提供の記録", "名前, メールアドレス", "2026年11月20日"),
        ("en", "Records of providing your data to third parties", "name, email", "Nov. 20, 2026"),
    ],
    ids=["ja", "en"],
)
def test_a_request_for_the_provision_records_is_answered_with_them(
    officer_client,
    confirmed_request,
    creator,
    other_creator,
    fetch_answer,
    language,
    title,
    items,
    day,
):
    """APPI Art. 33(5): the person reads every record of their data given to a third party."""
    person, _ = creator
    record_introduction(
        person,
        None,
        consent_for_this_one=True,
        provided_on=date(2026, 11, 20),
        recipient="株式会社クライアント",
        recipient_address="東京都港区1-1-1 代表取締役 山田",
        items=["name", "email"],
    )
    other, _ = other_creator
    record_introduction(
        other,
        None,
        consent_for_this_one=True,
        provided_on=date(2026, 11, 21),
        recipient="他社株式会社",
        items=["name"],
    )
    privacy_request = confirmed_request(
        person.email, name=person.name, kind="provision_records", language=language
    )
    act(officer_client, privacy_request, action="fee", fee_status="paid")
    act(officer_client, privacy_request, action="release")
    archive = fetch_answer()
    data = json.loads(archive.read("answer.json"))
    sections = {section["key"]: section for section in data["records"]}
    assert sections["third_party_provisions"]["title"] == title
    (record,) = sections["third_party_provisions"]["records"]
    values = {key: field["value"] for key, field in record.items()}
    assert values["recipient"] == "株式会社クライアント"
    assert values["recipient_address"] == "東京都港区1-1-1 代表取締役 山田"
    assert values["items"] == items
    assert values["provided_on"] == day
    letter = archive.read("answer.html").decode()
    assert "株式会社クライアント" in letter and title in letter
    assert "他社株式会社" not in letter + archive.read("answer.json").decode()


def test_deletion_of_a_creator_leaves_nothing_in_any_table_and_the_profile_404s(
    client, officer_client, confirmed_request, creator, other_creator
):
    person, page = creator
    profile_url = page.url
    assert person.name in client.get(profile_url).content.decode()
    privacy_request = confirmed_request(person.email, name=person.name, kind="deletion")
    for needle in (person.email, person.name, person.phone):
        assert tables_containing(needle), needle  # the scan does see the person beforehand
    act(officer_client, privacy_request, action="delete", confirm="yes")

    for needle in (person.email, person.name, person.phone):
        assert tables_containing(needle) == [], needle
    assert client.get(profile_url).status_code == 404
    assert not Creator.objects.filter(email=person.email).exists()
    assert privacy_request.outcome["erased"]["creators"] >= 2
    other, other_page = other_creator
    assert other.name in client.get(other_page.url).content.decode()


def test_suspension_hides_the_creator_on_the_next_request(
    client, officer_client, confirmed_request, creator
):
    person, page = creator
    assert client.get(page.url).status_code == 200
    privacy_request = confirmed_request(person.email, name=person.name, kind="suspension")
    act(officer_client, privacy_request, action="suspend")
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert client.get(page.url).status_code == 404
    index = client.get(page.get_parent().url).content.decode()
    assert person.name not in index
    assert Creator.objects.get(pk=person.pk).suspended
