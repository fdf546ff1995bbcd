"""The personal-data registry's contract, checked for every handler that is registered.

SEEDERS says how to store one record of each registered model for an email address. A new
handler's models need a seeder here, and then the generic test proves that its export finds the
record and its erasure leaves nothing that names the person.
"""

import json
from datetime import date

import pytest
from django.core.checks import run_checks
from django.db import models
from django.utils import timezone, translation
from wagtail import hooks

from contact.models import Inquiry
from creators.choices import INTRODUCE
from creators.consent import record_admin_consent
from creators.models import Consent, Creator, Entry, ThirdPartyProvision
from creators.provisions import record_introduction
from creators.retention import RULES as CREATORS_RULES
from home.outbox import OutboxEmail
from home.personal_data import (
    PersonalDataHandler,
    covered_models,
    describe,
    personal_data_handlers,
)
from incidents.models import AffectedPerson, Incident
from privacy_requests.models import PrivacyRequest
from tests.creators.factories import CreatorFactory
from works.models import WorkCredit

EMAIL = "registry.subject@example.com"
NAME = "登録 確認子"


def _creator():
    return Creator.objects.filter(email=EMAIL).first() or CreatorFactory(email=EMAIL, name=NAME)


def _privacy_request():
    return PrivacyRequest.objects.for_email(EMAIL).first() or PrivacyRequest.objects.create(
        kind=PrivacyRequest.Kind.DISCLOSURE,
        status=PrivacyRequest.Status.OPEN,
        name=NAME,
        email=EMAIL,
        details=f"{NAME} asks what you hold",
        confirmed_at=timezone.now(),
    )


def _inquiry():
    return Inquiry.objects.create(
        company="登録確認株式会社",
        name=NAME,
        email=EMAIL,
        project_kind="commercial",
        budget="undecided",
        message=f"{NAME} asks about a commercial",
        language="ja",
        consent_at=timezone.now(),
        consent_wording_sha256="0" * 64,
    )


def _credit():
    """A work's credit line linking the person's creator profile (the creators handler covers
    credits: erasing the person removes the line, not only the name)."""
    from wagtail.models import Page

    from creators.models import CreatorPage
    from works.models import WorkCredit, WorkPage

    root = Page.get_first_root_node()
    profile = root.add_child(
        instance=CreatorPage(title="Creator registry", slug="creator-registry", creator=_creator())
    )
    work = root.add_child(
        instance=WorkPage(
            title="Registry work", slug="registry-work", summary="s", release_date=date(2026, 1, 1)
        )
    )
    return WorkCredit.objects.create(work=work, role="director", creator_page=profile)


def _affected_person():
    """A person affected by an incident, with a notice still unsent (the SMTP server was down)."""
    person = AffectedPerson.objects.create(
        incident=Incident.objects.create(found_at=timezone.now(), what_happened="lost laptop"),
        email=EMAIL,
        records={"creators: creators": 1},
    )
    OutboxEmail.objects.create(
        template="incidents/email/notice",
        about=person,
        to_address=EMAIL,
        language="ja",
        subject="notice",
        body=f"Dear {NAME}",
        delivery=OutboxEmail.Delivery.FAILED,
        attempts=1,
        next_attempt_at=timezone.now(),
        last_error="SMTPServerDisconnected",
    )
    return person


SEEDERS = {
    "contact.Inquiry": _inquiry,
    "creators.Creator": _creator,
    "creators.Entry": lambda: Entry.objects.create(
        name=NAME,
        email=EMAIL,
        portfolio_url="https://example.com/p",
        language="ja",
        creator=_creator(),
    ),
    "creators.Consent": lambda: record_admin_consent(_creator(), INTRODUCE, True, "ja", None),
    "creators.ThirdPartyProvision": lambda: record_introduction(
        _creator(),
        None,
        consent_for_this_one=True,
        provided_on=date(2026, 11, 1),
        recipient="Client K.K.",
        items=["name", "email"],
    ),
    "incidents.AffectedPerson": _affected_person,
    "privacy_requests.PrivacyRequest": _privacy_request,
    "works.WorkCredit": _credit,
    "home.OutboxEmail": lambda: OutboxEmail.objects.create(
        template="privacy_requests/email/status",
        about=_privacy_request(),
        to_address=EMAIL,
        language="ja",
        subject="Your request",
        body=f"Dear {NAME}",
        delivery=OutboxEmail.Delivery.FAILED,  # given up, the refusal naming the address
        attempts=10,
        last_error=f"SMTPRecipientsRefused: {{'{EMAIL}': (550, b'No such user')}}",
    ),
}


def exported_rows():
    return sum(
        len(rows)
        for handler in personal_data_handlers()
        for rows in (handler.export(EMAIL) or {}).values()
    )


def exported_text():
    return str([handler.export(EMAIL) for handler in personal_data_handlers()])


def stored_text(model):
    fields = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
    ]
    return " ".join(str(row) for row in model._default_manager.values_list(*fields))


def test_every_registered_model_has_a_seeder():
    missing = sorted(m._meta.label for m in covered_models() if m._meta.label not in SEEDERS)
    assert missing == [], f"add a seeder for {missing} to SEEDERS"


@pytest.mark.django_db
def test_export_finds_every_registered_model_and_erasure_removes_the_person():
    for label, seed in SEEDERS.items():
        before = exported_rows()
        seed()
        assert exported_rows() > before, f"the export does not find a {label}"
    for handler in personal_data_handlers():
        handler.erase(EMAIL)
    assert EMAIL not in exported_text() and NAME not in exported_text()
    for model in covered_models():
        text = stored_text(model)
        assert EMAIL not in text and NAME not in text, f"{model._meta.label} still names them"
    # Evidence stays, without the person: the consents and the introduction record.
    assert Consent.objects.filter(anonymised_at__isnull=False).count() == 2
    assert ThirdPartyProvision.objects.get().creator is None
    assert not WorkCredit.objects.exists(), "an erased person's credit lines go with them"


def test_every_handler_describes_its_data_purpose_and_retention_in_both_languages():
    for handler in personal_data_handlers():
        for language in ("ja", "en"):
            with translation.override(language):
                assert str(handler.description).strip(), handler.name
                assert str(handler.purpose).strip(), handler.name
                for rule in handler.retention:
                    sentence = str(rule.description) % {"days": rule.period_days()}
                    assert str(rule.period_days()) in sentence, rule.name


def _complete(**changes):
    fields = {
        "name": "example",
        "models": [Creator],
        "description": "Example data",
        "purpose": "Example (Article 3)",
        "retention": CREATORS_RULES,
        "export": lambda email: {},
        "erase": lambda email: 0,
        "suspend": lambda email: 0,
    }
    fields.update(changes)
    return {name: value for name, value in fields.items() if value is not None}


def test_a_complete_handler_is_accepted():
    assert PersonalDataHandler(**_complete()).name == "example"


@pytest.mark.parametrize("missing", ["export", "erase", "suspend"])
def test_a_handler_that_forgets_an_action_fails_when_built(missing):
    with pytest.raises(TypeError, match=missing):
        PersonalDataHandler(**_complete(**{missing: None}))


@pytest.mark.parametrize("empty", ["description", "purpose", "retention", "models"])
def test_a_handler_without_a_description_purpose_or_retention_fails_when_built(empty):
    with pytest.raises(ValueError, match=empty):
        PersonalDataHandler(**_complete(**{empty: "" if empty != "retention" else []}))


def test_manage_check_reports_a_handler_without_a_description():
    broken = lambda: PersonalDataHandler(**_complete(description=" "))  # noqa: E731
    assert not [e for e in run_checks() if e.id.startswith("home.")]
    with hooks.register_temporarily("register_personal_data", broken):
        errors = [e for e in run_checks() if e.id == "home.E001"]
    assert errors and "description is empty" in errors[0].msg


@pytest.mark.django_db
def test_every_export_gives_its_moments_in_japan_time():
    for seed in SEEDERS.values():
        seed()
    exports = json.dumps(
        [handler.export(EMAIL) for handler in personal_data_handlers()], default=str
    )
    assert "+09:00" in exports
    assert "+00:00" not in exports


@pytest.mark.django_db
def test_every_exported_record_is_in_the_answer_the_person_reads():
    """A disclosure answer is written from `describe`: a table a handler exports but does not
    describe (say, the records of provision to third parties) would never reach the person."""
    for seed in SEEDERS.values():
        seed()
    for handler in personal_data_handlers():
        exported = sum(len(rows) for rows in (handler.export(EMAIL) or {}).values())
        described = sum(len(section.records) for section in describe(handler, EMAIL))
        assert exported and described == exported, handler.name
