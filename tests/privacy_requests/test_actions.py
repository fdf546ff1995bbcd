"""What officers do with a confirmed request, and what it leaves behind."""

import json

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.outbox import OutboxEmail
from privacy_requests.models import PrivacyRequest

from .scan import tables_containing

pytestmark = pytest.mark.django_db


def act(client, privacy_request, **data):
    response = client.post(reverse("privacy_requests:action", args=[privacy_request.pk]), data)
    assert response.status_code == 302
    privacy_request.refresh_from_db()
    return response


def logged_actions(privacy_request):
    return list(
        ModelLogEntry.objects.for_instance(privacy_request)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_disclosure_waits_for_the_fee_then_holds_everything_of_that_person_only(
    officer_client, confirmed_request, person, other_person, fetch_answer
):
    confirmed_request(other_person.email, name=other_person.name, kind="deletion")
    earlier = confirmed_request(person.email, kind="other")
    privacy_request = confirmed_request(person.email, kind="disclosure")
    assert privacy_request.status == PrivacyRequest.Status.WAITING_FOR_FEE
    blocked = officer_client.get(reverse("privacy_requests:answer", args=[privacy_request.pk]))
    assert blocked.status_code == 302
    act(officer_client, privacy_request, action="release")
    assert not privacy_request.answers.exists()
    assert ("privacy_requests.export", "officer") not in logged_actions(privacy_request)

    act(officer_client, privacy_request, action="fee", fee_status="paid")
    assert privacy_request.fee_status == PrivacyRequest.Fee.PAID
    assert privacy_request.status == PrivacyRequest.Status.IN_PROGRESS
    act(officer_client, privacy_request, action="release")
    assert privacy_request.status == PrivacyRequest.Status.DONE

    archive = fetch_answer()
    assert set(archive.namelist()) == {"answer.html", "answer.json"}
    letter = archive.read("answer.html").decode()
    for mine in (person.name, person.email, person.phone):
        assert mine in letter
    data = json.loads(archive.read("answer.json"))
    found = {section["key"]: section["records"] for section in data["records"]}
    assert found["creators"][0]["phone"]["value"] == person.phone
    assert [r["work"]["value"] for r in found["work_credits"]] == [person.work.title]
    assert [r["number"]["value"] for r in found["privacy_requests"]] == [str(earlier.pk)]
    everything = letter + archive.read("answer.json").decode()
    for foreign in (other_person.email, other_person.name, other_person.phone):
        assert foreign not in everything
    assert ("privacy_requests.release", "officer") in logged_actions(privacy_request)
    assert ("privacy_requests.download", None) in logged_actions(privacy_request)


def test_deletion_leaves_no_trace_of_the_person_in_any_table(
    client, officer_client, confirmed_request, person, other_person, mailoutbox
):
    earlier = confirmed_request(person.email, kind="other")
    privacy_request = confirmed_request(person.email, kind="deletion")
    assert client.get(person.profile_url).status_code == 200
    assert tables_containing(person.email)  # the scan does find the person before

    refused = act(officer_client, privacy_request, action="delete")  # no confirmation tick
    assert not privacy_request.is_anonymised
    assert refused.status_code == 302
    act(officer_client, privacy_request, action="delete", confirm="yes")

    for needle in (person.email, person.name, person.phone):
        assert tables_containing(needle) == [], needle
    assert client.get(person.profile_url).status_code == 404
    assert person.name not in client.get(person.work.url).content.decode()
    # A minimal record stays: what was asked, when, and what was done, with no personal data.
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert privacy_request.is_anonymised and privacy_request.kind == "deletion"
    # The creator, their profile, their credit line and their consent (kept anonymised).
    assert privacy_request.outcome["erased"]["creators"] == 4
    assert privacy_request.confirmed_at and privacy_request.closed_at
    earlier.refresh_from_db()
    assert earlier.is_anonymised and earlier.status == PrivacyRequest.Status.DONE
    # The person was told, before their address was forgotten.
    assert mailoutbox[-1].to == [person.email] and "Done" in mailoutbox[-1].subject
    # The other person is untouched.
    assert client.get(other_person.profile_url).status_code == 200
    assert tables_containing(other_person.email)
    assert ("privacy_requests.erase", "officer") in logged_actions(privacy_request)
    # A later request from the same address can still be linked to the deletion record.
    assert PrivacyRequest.objects.for_email(person.email).filter(pk=privacy_request.pk).exists()


def test_suspension_hides_the_person_on_the_next_request(
    client, officer_client, confirmed_request, person, other_person
):
    privacy_request = confirmed_request(person.email, kind="suspension")
    assert client.get(person.profile_url).status_code == 200
    assert person.name in client.get(person.work.url).content.decode()
    act(officer_client, privacy_request, action="suspend")
    assert client.get(person.profile_url).status_code == 404
    assert person.name not in client.get(person.work.url).content.decode()
    assert client.get(other_person.profile_url).status_code == 200
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert privacy_request.outcome["suspended"]["creators"] == 1
    assert ("privacy_requests.suspend", "officer") in logged_actions(privacy_request)


def test_correction_links_to_where_the_data_is_edited_and_records_a_note(
    officer_client, confirmed_request, person
):
    privacy_request = confirmed_request(person.email, kind="correction")
    detail = officer_client.get(reverse("privacy_requests:inspect", args=[privacy_request.pk]))
    creator = person.profile.creator
    assert f'href="/admin/creators_creator/edit/{creator.pk}/"' in detail.content.decode()
    act(officer_client, privacy_request, action="correct", note="Spelling of the name fixed.")
    assert privacy_request.officer_note == "Spelling of the name fixed."
    assert ("privacy_requests.correct", "officer") in logged_actions(privacy_request)


def test_a_refusal_needs_a_reason_and_tells_the_requester_in_their_language(
    officer_client, confirmed_request, person, mailoutbox
):
    privacy_request = confirmed_request(person.email, kind="deletion", language="ja")
    act(officer_client, privacy_request, action="refuse", ground="law", reason="   ")
    assert privacy_request.status == PrivacyRequest.Status.OPEN
    act(officer_client, privacy_request, action="refuse", reason="法令上の保存義務があるため")
    assert privacy_request.status == PrivacyRequest.Status.OPEN  # no ground chosen
    act(
        officer_client,
        privacy_request,
        action="refuse",
        ground="law",
        reason="法令上の保存義務があるため",
    )
    assert privacy_request.status == PrivacyRequest.Status.REFUSED
    assert privacy_request.refusal_reason == "法令上の保存義務があるため"
    assert "法令上の保存義務があるため" in mailoutbox[-1].body
    assert "第5条（3）" in mailoutbox[-1].body  # the ground, in words, in their language
    assert "お断り" in mailoutbox[-1].subject
    assert actions_after_close(privacy_request) == set()  # a closed request offers nothing


def actions_after_close(privacy_request):
    from privacy_requests import actions

    return actions.available(privacy_request)


def test_every_action_is_in_the_audit_log_with_who_and_when(
    officer_client, confirmed_request, person, fetch_answer
):
    privacy_request = confirmed_request(person.email, kind="disclosure")
    act(officer_client, privacy_request, action="fee", fee_status="waived")
    officer_client.get(reverse("privacy_requests:answer", args=[privacy_request.pk]))
    act(officer_client, privacy_request, action="release")
    fetch_answer()
    assert logged_actions(privacy_request) == [
        ("privacy_requests.submit", None),
        ("privacy_requests.confirm", None),
        ("privacy_requests.fee", "officer"),
        ("privacy_requests.status", "officer"),
        ("privacy_requests.export", "officer"),
        ("privacy_requests.release", "officer"),
        ("privacy_requests.status", "officer"),
        ("privacy_requests.download", None),
    ]
    entries = ModelLogEntry.objects.for_instance(privacy_request)
    assert all(entry.timestamp for entry in entries)
    for entry in entries:  # the log itself holds no personal data
        assert person.email not in json.dumps(entry.data) and person.email not in entry.label
    history = officer_client.get(reverse("privacy_requests:inspect", args=[privacy_request.pk]))
    assert "officer" in history.content.decode()


def test_an_officer_can_retry_a_failed_email(officer_client, confirmed_request, person, mailoutbox):
    privacy_request = confirmed_request(person.email, kind="other")
    failed = OutboxEmail.objects.create(
        template="privacy_requests/email/status",
        about=privacy_request,
        to_address=person.email,
        language="en",
        subject="Retry me",
        body="b",
        delivery=OutboxEmail.Delivery.FAILED,
        attempts=10,  # given up by the automatic retries: the officer's button still sends it
    )
    response = officer_client.post(reverse("privacy_requests:retry_email", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.delivery == OutboxEmail.Delivery.SENT
    assert mailoutbox[-1].subject == "Retry me"
    assert ("privacy_requests.retry_email", "officer") in logged_actions(privacy_request)


def test_a_failing_data_holder_changes_nothing_and_tells_nobody(
    officer_client, confirmed_request, person, mailoutbox
):
    from wagtail import hooks

    from tests.privacy_requests.conftest import stand_in_handler

    def broken_erase(email):
        raise RuntimeError("holder offline")

    privacy_request = confirmed_request(person.email, kind="deletion")
    sent = len(mailoutbox)
    broken = lambda: stand_in_handler(name="broken", erase=broken_erase)  # noqa: E731
    with hooks.register_temporarily("register_personal_data", broken):
        response = officer_client.post(
            reverse("privacy_requests:action", args=[privacy_request.pk]),
            {"action": "delete", "confirm": "yes"},
            follow=True,
        )
    assert response.status_code == 200
    assert "holder offline" in response.content.decode()
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.OPEN
    assert not privacy_request.is_anonymised
    assert tables_containing(person.phone)  # the creators app's data was not half-erased
    assert len(mailoutbox) == sent
    assert ("privacy_requests.erase", "officer") not in logged_actions(privacy_request)
