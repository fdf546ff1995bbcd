"""The retention schedule, enforced by `manage.py enforce_retention`, checked with time travel.

Each rule: a record is stored at START; the job run a day before its period ends leaves it; the
job run a day after erases or anonymises it; a second run finds nothing more to do.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from contact.models import Inquiry
from creators.choices import INTRODUCE
from creators.consent import record_admin_consent
from creators.entries import create_entry
from creators.models import Consent, Creator, Entry, ThirdPartyProvision
from creators.personal_data import erase_for_email
from creators.provisions import record_introduction
from home.outbox import OutboxEmail
from home.personal_data import DEFAULT_RETENTION_DAYS, retention_rules
from incidents.models import AffectedPerson, Incident
from privacy_requests.models import PrivacyRequest
from tests.creators.factories import CreatorFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 4, 1, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
EMAIL = "kept@example.com"
NAME = "保持 期間子"


def run(*args):
    out = StringIO()
    call_command("enforce_retention", *args, stdout=out)
    return out.getvalue()


def entry(**fields):
    return create_entry(
        {"name": NAME, "email": EMAIL, "portfolio_url": "https://example.com/p", **fields},
        [("policy", True, "I agree.")],
        "ja",
        None,
    )


def seed_entry():
    return entry().pk


def seed_declined_entry():
    record = entry()
    Entry.objects.filter(pk=record.pk).update(declined_at=timezone.now())
    return record.pk


def entry_exists(pk):
    return Entry.objects.filter(pk=pk).exists()


def seed_closed_request():
    request = PrivacyRequest.objects.create(
        kind="disclosure", name=NAME, email=EMAIL, details="what do you hold?", status="done"
    )
    PrivacyRequest.objects.filter(pk=request.pk).update(closed_at=timezone.now())
    return request.pk


def sent_email_about(request, template):
    return OutboxEmail.objects.create(
        template=template,
        about=request,
        to_address=EMAIL,
        language="ja",
        subject="件名",
        body=f"{NAME} 様",
        delivery="sent",
        sent_at=timezone.now(),
    )


def seed_unconfirmed_request():
    request = PrivacyRequest.objects.create(
        kind="disclosure", name=NAME, email=EMAIL, details="never confirmed", status="unconfirmed"
    )
    sent_email_about(request, "privacy_requests/email/confirm")
    return request.pk


def request_exists(pk):
    return PrivacyRequest.objects.filter(pk=pk).exists()


def request_named(pk):
    return PrivacyRequest.objects.get(pk=pk).name == NAME


def seed_sent_email():
    request = PrivacyRequest.objects.create(kind="other", name=NAME, email=EMAIL, status="open")
    return sent_email_about(request, "privacy_requests/email/status").pk


def email_body_kept(pk):
    email = OutboxEmail.objects.get(pk=pk)
    return email.body != "" or email.to_address != ""


def seed_task_result():
    return DBTaskResult.objects.create(
        task_path="home.outbox.send_email",
        args_kwargs={"args": [1], "kwargs": {}},
        status="SUCCESSFUL",
        enqueued_at=timezone.now(),
        finished_at=timezone.now(),
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    ).pk


def task_result_exists(pk):
    return DBTaskResult.objects.filter(pk=pk).exists()


def seed_session():
    session = SessionStore()
    session["entry_thanks"] = 1
    session.create()
    return session.session_key


def session_exists(key):
    return Session.objects.filter(session_key=key).exists()


def seed_erased_persons_log():
    creator = CreatorFactory(email=EMAIL, name=NAME)
    entry_record = log(creator, "creators.consent_recorded", data={"note": NAME})
    erase_for_email(EMAIL)
    return entry_record.pk


def log_details_kept(pk):
    return "details_erased" not in ModelLogEntry.objects.get(pk=pk).data


def seed_provision():
    creator = CreatorFactory(email=EMAIL, name=NAME)
    return record_introduction(
        creator,
        None,
        consent_for_this_one=True,
        provided_on=timezone.localdate(),
        recipient="Client",
        items=["name"],
    ).pk


def provision_exists(pk):
    return ThirdPartyProvision.objects.filter(pk=pk).exists()


def seed_incident_person():
    incident = Incident.objects.create(
        found_at=timezone.now(), what_happened="lost", closed_at=timezone.now()
    )
    return AffectedPerson.objects.create(incident=incident, email=EMAIL).pk


def person_address_kept(pk):
    return AffectedPerson.objects.get(pk=pk).email == EMAIL


def seed_inquiry():
    return Inquiry.objects.create(
        company="Client K.K.",
        name=NAME,
        email=EMAIL,
        project_kind="commercial",
        budget="undecided",
        message="A commercial",
        language="ja",
        consent_at=timezone.now(),
        consent_wording_sha256="0" * 64,
    ).pk


def inquiry_exists(pk):
    return Inquiry.objects.filter(pk=pk).exists()


@dataclass
class Case:
    rule: str
    seed: object
    kept: object
    days: int


CASES = [
    Case("entries_not_converted", seed_entry, entry_exists, 365),
    Case("entries_declined", seed_declined_entry, entry_exists, 30),
    Case("privacy_requests_closed", seed_closed_request, request_named, 365),
    Case("privacy_requests_unconfirmed", seed_unconfirmed_request, request_exists, 30),
    Case("sent_email_bodies", seed_sent_email, email_body_kept, 90),
    Case("task_results", seed_task_result, task_result_exists, 30),
    Case("sessions", seed_session, session_exists, 14),
    Case("audit_log_of_erased_people", seed_erased_persons_log, log_details_kept, 90),
    Case("third_party_provisions", seed_provision, provision_exists, 3 * 365),
    Case("incidents_closed", seed_incident_person, person_address_kept, 3 * 365),
    Case("business_inquiries", seed_inquiry, inquiry_exists, 3 * 365),
]


def test_every_rule_of_the_schedule_has_a_time_travel_case():
    assert {rule.name for rule in retention_rules()} == {case.rule for case in CASES}
    assert set(DEFAULT_RETENTION_DAYS) <= {case.rule for case in CASES}


def test_the_schedule_is_in_one_place_and_every_line_is_justified_in_the_readme():
    """Every period but the sessions' (Django's own SESSION_COOKIE_AGE) is a line of
    DEFAULT_RETENTION_DAYS, overridden only through PERSONAL_DATA_RETENTION, and the README's
    table gives each line its default and the reason for it."""
    names = {rule.name for rule in retention_rules()} - {"sessions"}
    assert names <= set(DEFAULT_RETENTION_DAYS)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    table = readme.split("## Retention schedule", 1)[1].split("\n## ", 1)[0]
    for name in names | {"sessions"}:
        assert f"| `{name}` |" in table, f"the README does not justify {name}"


def test_the_period_of_business_inquiries_is_set_like_every_other(settings):
    settings.PERSONAL_DATA_RETENTION = {"business_inquiries": 30}
    with time_machine.travel(START, tick=False):
        pk = seed_inquiry()
        for to in ("studio@example.com", EMAIL):  # the notice and the receipt
            OutboxEmail.objects.create(
                template="contact/email/receipt",
                about=Inquiry.objects.get(pk=pk),
                to_address=to,
                language="ja",
                subject="件名",
                body=f"{NAME} 様",
                delivery="sent",
                sent_at=timezone.now(),
            )
    with time_machine.travel(START + timedelta(days=29), tick=False):
        run()
        assert inquiry_exists(pk)
    with time_machine.travel(START + timedelta(days=31), tick=False):
        assert "business_inquiries: 1 erased" in run()  # its emails go with it, not counted
    assert not inquiry_exists(pk) and not OutboxEmail.objects.exists()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_each_rule_erases_what_is_due_and_nothing_earlier(case):
    with time_machine.travel(START, tick=False):
        key = case.seed()
    with time_machine.travel(START + timedelta(days=case.days - 1), tick=False):
        run()
        assert case.kept(key), "erased before its period ended"
    with time_machine.travel(START + timedelta(days=case.days + 1), tick=False):
        assert f"{case.rule}: 1 erased" in run()
        assert not case.kept(key), "kept after its period ended"
        assert f"{case.rule}: 0 erased" in run()  # idempotent


def test_erased_entries_leave_their_consent_evidence_without_the_person():
    with time_machine.travel(START, tick=False):
        pk = seed_entry()
        wording = Consent.objects.get(entry_id=pk).wording_sha256
    with time_machine.travel(START + timedelta(days=400), tick=False):
        run()
    (consent,) = Consent.objects.all()
    assert consent.entry_id is None and consent.anonymised_at is not None
    assert consent.wording_sha256 == wording


def test_an_entry_turned_into_a_creator_is_not_erased_by_the_entry_rules():
    with time_machine.travel(START, tick=False):
        creator = CreatorFactory(email=EMAIL)
        kept = entry(creator=creator)
    with time_machine.travel(START + timedelta(days=800), tick=False):
        run()
    assert Entry.objects.filter(pk=kept.pk).exists() and Creator.objects.exists()


def test_an_open_privacy_request_is_never_anonymised_by_the_schedule():
    with time_machine.travel(START, tick=False):
        request = PrivacyRequest.objects.create(kind="other", name=NAME, email=EMAIL, status="open")
    with time_machine.travel(START + timedelta(days=1000), tick=False):
        run()
    assert PrivacyRequest.objects.get(pk=request.pk).name == NAME


def test_a_period_is_set_in_the_settings(settings):
    settings.PERSONAL_DATA_RETENTION = {"entries_declined": 7}
    with time_machine.travel(START, tick=False):
        pk = seed_declined_entry()
    with time_machine.travel(START + timedelta(days=8), tick=False):
        run()
    assert not entry_exists(pk)


def test_dry_run_lists_what_is_due_and_changes_nothing():
    with time_machine.travel(START, tick=False):
        pk = seed_declined_entry()
    with time_machine.travel(START + timedelta(days=31), tick=False):
        output = run("--dry-run")
        assert "entries_declined: 1 due" in output
        assert entry_exists(pk)


def test_the_job_logs_counts_never_people(caplog):
    with time_machine.travel(START, tick=False):
        seed_declined_entry()
        seed_closed_request()
    with caplog.at_level(logging.INFO, logger="home.retention"):
        with time_machine.travel(START + timedelta(days=400), tick=False):
            output = run()
    logged = " ".join(record.getMessage() for record in caplog.records) + output
    assert "retention entries_declined: 1 handled" in logged
    assert EMAIL not in logged and NAME not in logged


def test_standing_consent_records_are_never_erased_by_the_schedule():
    with time_machine.travel(START, tick=False):
        record_admin_consent(CreatorFactory(), INTRODUCE, True, "ja", None)
    with time_machine.travel(date(2036, 1, 1), tick=False):
        run()
    assert Consent.objects.count() == 1
