"""Introductions of creators to clients: recorded only with consent in force, append-only, in a
disclosure, and kept without identity after an erasure (APPI Arts. 27, 29, 33(5))."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from creators.choices import INTRODUCE, INTRODUCE_ONCE
from creators.consent import record_admin_consent
from creators.models import Consent, ThirdPartyProvision
from creators.personal_data import erase_for_email, suspend_for_email
from creators.provisions import record_introduction
from home.personal_data import personal_data_handlers
from tests.creators.factories import CreatorFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "provided_on": date(2026, 11, 20),
    "recipient": "株式会社クライアント",
    "recipient_address": "東京都港区1-1-1 代表取締役 山田",
    "items": ["name", "email", "portfolio_url"],
}


@pytest.fixture
def creator():
    return CreatorFactory(email="intro@example.com", name="紹介 太郎")


def standing(creator, given=True):
    return record_admin_consent(creator, INTRODUCE, given, "ja", user=None)


def test_without_any_consent_the_record_is_refused(creator):
    with pytest.raises(ValidationError):
        record_introduction(creator, None, **FIELDS)
    assert not ThirdPartyProvision.objects.exists()


def test_a_withdrawn_standing_consent_refuses_the_record(creator):
    standing(creator)
    record_introduction(creator, None, **FIELDS)
    standing(creator, given=False)
    with pytest.raises(ValidationError):
        record_introduction(creator, None, **FIELDS)
    assert ThirdPartyProvision.objects.count() == 1


def test_a_publishing_consent_is_not_a_consent_to_introductions(creator):
    other = record_admin_consent(creator, "publish_name", True, "ja", user=None)
    with pytest.raises(ValidationError):
        ThirdPartyProvision(creator=creator, consent=other, **FIELDS).save()


def test_a_consent_to_one_introduction_is_recorded_with_it_and_used_once(creator):
    record = record_introduction(creator, None, consent_for_this_one=True, **FIELDS)
    assert record.consent.what == INTRODUCE_ONCE and record.consent.given
    assert record.person_name == "紹介 太郎"
    with pytest.raises(ValidationError):
        ThirdPartyProvision(creator=creator, consent=record.consent, **FIELDS).save()


def test_a_suspended_creator_cannot_be_introduced(creator):
    standing(creator)
    suspend_for_email(creator.email)
    with pytest.raises(ValidationError):
        record_introduction(creator, None, consent_for_this_one=True, **FIELDS)
    assert not ThirdPartyProvision.objects.exists()


def test_suspension_withdraws_the_standing_consent(creator):
    standing(creator)
    suspend_for_email(creator.email)
    latest = Consent.objects.filter(creator=creator, what=INTRODUCE).order_by("-pk").first()
    assert latest.given is False


def test_records_are_append_only(creator):
    standing(creator)
    record = record_introduction(creator, None, **FIELDS)
    record.recipient = "someone else"
    with pytest.raises(PermissionError):
        record.save()
    with pytest.raises(PermissionError):
        record.delete()
    with pytest.raises(PermissionError):
        ThirdPartyProvision.objects.update(recipient="x")
    with pytest.raises(PermissionError):
        ThirdPartyProvision.objects.all().delete()
    assert ThirdPartyProvision.objects.get().recipient == "株式会社クライアント"


def test_a_disclosure_through_the_registry_includes_the_records(creator):
    standing(creator)
    record_introduction(creator, None, **FIELDS)
    handler = next(h for h in personal_data_handlers() if h.name == "creators")
    (row,) = handler.export("INTRO@example.com")["third_party_provisions"]
    assert row["recipient"] == "株式会社クライアント"
    assert row["provided_on"] == "2026-11-20"
    assert row["items"] == ["name", "email", "portfolio_url"]


def test_erasure_keeps_the_record_without_the_identity(creator):
    standing(creator)
    record_introduction(creator, None, **FIELDS)
    erase_for_email(creator.email)
    record = ThirdPartyProvision.objects.get()
    assert (record.creator, record.person_name) == (None, "")
    assert record.anonymised_at is not None
    assert record.recipient == "株式会社クライアント" and record.consent.creator is None


def test_an_officer_records_an_introduction_in_the_admin(client, officer, creator):
    client.force_login(officer)
    url = reverse("creators_introductions", args=[creator.pk])
    data = {
        "provided_on": "2026-11-20",
        "recipient": "株式会社クライアント",
        "items": ["name", "email"],
        "consent_for_this_one": "0",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert refused.context["form"].non_field_errors()  # the consent is not in force
    assert "株式会社クライアント" in refused.content.decode()  # the values are kept
    assert not ThirdPartyProvision.objects.exists()
    standing(creator)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200 and "株式会社クライアント" in response.content.decode()
    record = ThirdPartyProvision.objects.get()
    assert record.recorded_by == officer
    assert ModelLogEntry.objects.filter(action="creators.introduced", user=officer).exists()


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_other_staff_cannot_see_or_record_introductions(client, creator, role, request):
    client.force_login(request.getfixturevalue(role))
    url = reverse("creators_introductions", args=[creator.pk])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"recipient": "x"}).status_code in (302, 403)
