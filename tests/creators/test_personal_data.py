"""The creators PersonalDataHandler: export, erase and suspend by email, called directly."""

from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.search.models import IndexEntry

from creators.choices import PUBLISH_ACHIEVEMENTS, PUBLISH_EXPERTISE, PUBLISH_NAME
from creators.entries import convert_entry
from creators.models import Consent, Creator, CreatorPage, Entry
from creators.personal_data import erase_for_email, export_for_email, suspend_for_email
from home.personal_data import covered_models, personal_data_handlers
from tests.creators.test_entry_form import entry_data

pytestmark = pytest.mark.django_db

EMAIL = "subject@example.com"


@pytest.fixture
def subject(client, entry_page_ja, policy_version_ja, creators_index_ja):
    """A person who sent an entry with every consent and has a live profile."""
    data = entry_data(
        policy_version_ja,
        name="対象 花子",
        email=EMAIL,
        publish_expertise="on",
        publish_achievements="on",
        achievements="消すべき実績",
    )
    client.post("/ja/entry/", data)
    creator = convert_entry(Entry.objects.get(email=EMAIL))
    page = CreatorPage(title="クリエイター x1", slug="creator-x1", creator=creator)
    creators_index_ja.add_child(instance=page)
    page.save_revision().publish()
    return creator, page


def test_the_handler_is_registered_and_covers_every_model_with_an_email():
    handler = next(h for h in personal_data_handlers() if h.name == "creators")
    assert handler.export is export_for_email and handler.erase is erase_for_email
    assert {Creator, Entry, Consent} <= covered_models()


def test_export_holds_everything_kept_about_the_address(subject, policy_version_ja):
    creator, page = subject
    data = export_for_email("SUBJECT@example.com")
    assert [c["name"] for c in data["creators"]] == ["対象 花子"]
    (entry,) = data["creator_entries"]
    assert entry["email"] == EMAIL and entry["message"] == "よろしくお願いします。"
    assert entry["notified"] is True
    consents = data["creator_consents"]
    assert len(consents) == 4
    policy = next(c for c in consents if c["what"] == "policy")
    assert policy["policy_version"] == policy_version_ja.number
    in_tokyo = timezone.localtime(policy_version_ja.effective_at, ZoneInfo("Asia/Tokyo"))
    assert policy["policy_version_effective_at"] == in_tokyo.isoformat()
    assert data["creator_pages"][0]["id"] == page.pk
    assert export_for_email("nobody@example.com") == {
        "creators": [],
        "creator_entries": [],
        "creator_consents": [],
        "creator_pages": [],
        "work_credits": [],
        "third_party_provisions": [],
    }


def test_erase_deletes_the_person_keeps_anonymous_consent_evidence(
    client, subject, django_capture_on_commit_callbacks
):
    creator, page = subject
    assert "対象 花子" in client.get("/ja/creators/").content.decode()
    hashes = set(Consent.objects.values_list("wording_sha256", flat=True))
    with django_capture_on_commit_callbacks(execute=True):  # the cache moves on commit
        assert erase_for_email(EMAIL) > 0
    assert not Creator.objects.exists() and not Entry.objects.exists()
    assert not CreatorPage.objects.filter(pk=page.pk).exists()
    assert client.get("/ja/creators/creator-x1/").status_code == 404
    assert "対象 花子" not in client.get("/ja/creators/").content.decode()  # cache cleared
    remaining = list(Consent.objects.all())
    assert len(remaining) == 4
    for record in remaining:
        assert record.creator_id is None and record.entry_id is None
        assert record.anonymised_at is not None
    assert set(c.wording_sha256 for c in remaining) == hashes
    for entry in IndexEntry.objects.all():
        assert "対象" not in f"{entry.title} {entry.body}"
    assert export_for_email(EMAIL)["creator_consents"] == []
    assert erase_for_email(EMAIL) == 0


def test_suspend_withdraws_everything_unpublishes_and_flags_new_entries(
    client, subject, policy_version_ja
):
    creator, page = subject
    assert suspend_for_email(EMAIL) == 2  # one creator, one entry
    creator.refresh_from_db()
    assert creator.suspended
    from creators.consent import consent_states

    state = consent_states([creator.pk])[creator.pk]
    assert [state[w] for w in (PUBLISH_NAME, PUBLISH_EXPERTISE, PUBLISH_ACHIEVEMENTS)] == [
        False,
        False,
        False,
    ]
    page.refresh_from_db()
    assert not page.live
    assert client.get("/ja/creators/creator-x1/").status_code == 404
    assert "消すべき実績" not in client.get("/ja/creators/").content.decode()
    # A new entry from the address is taken like any other (the answer tells nobody about the
    # suspension) and stored "do not contact" for the officer.
    response = client.post("/ja/entry/", entry_data(policy_version_ja, email=EMAIL))
    assert response.status_code == 302
    assert Entry.objects.count() == 2
    assert Entry.objects.latest("pk").suspended is True
    # The data is still there for the officer (suspension is not erasure).
    assert export_for_email(EMAIL)["creators"][0]["suspended"] is True


def test_consent_records_refuse_change_and_deletion(subject):
    record = Consent.objects.first()
    record.given = not record.given
    with pytest.raises(PermissionError):
        record.save()
    with pytest.raises(PermissionError):
        record.delete()
    with pytest.raises(PermissionError):
        Consent.objects.all().update(given=False)
    with pytest.raises(PermissionError):
        Consent.objects.all().delete()
    assert Consent.objects.count() == 4
