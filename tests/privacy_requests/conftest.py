"""Fixtures for privacy requests: the page in both languages, people whose data a stand-in data
holder keeps, officers and non-officers, and a helper that walks a request to "confirmed".

The stand-in holder (`stand_in_holder`) plays the part of an app with personal data until the real
creators app is in place: it keeps a person's name, email and phone in Wagtail's FormSubmission
table and shows the name on a public "profile" page, and registers export/erase/suspend for them
through the `register_personal_data` hook exactly as a real app does.
"""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from home.groups import EDITORS, PRIVACY_OFFICERS, TRANSLATORS
from home.models import HomePage
from home.personal_data import PersonalDataHandler, RetentionRule
from privacy_requests.models import PrivacyRequest
from tests.privacy_requests.factories import PrivacyRequestPageFactory


@pytest.fixture
def request_pages(site):
    ja = PrivacyRequestPageFactory(parent=site["ja"], locale=site["ja"].locale)
    en = ja.copy_for_translation(site["en"].locale)
    en.title = "Privacy requests"
    en.save_revision().publish()
    return {"ja": ja, "en": en.specific}


@dataclass
class Person:
    name: str
    email: str
    phone: str
    profile: Page

    @property
    def profile_url(self):
        return self.profile.url


def _profiles_of(email):
    page_ids = FormSubmission.objects.filter(form_data__email=email).values("page_id")
    return HomePage.objects.filter(pk__in=page_ids)


def _export(email):
    rows = FormSubmission.objects.filter(form_data__email=email)
    return {"submissions": [{"id": row.pk, **row.form_data} for row in rows]}


def _erase(email):
    profiles = list(_profiles_of(email))
    count, _ = FormSubmission.objects.filter(form_data__email=email).delete()
    for profile in profiles:
        profile.delete()
    return count


def _suspend(email):
    profiles = list(_profiles_of(email).live())
    for profile in profiles:
        profile.unpublish()
    return len(profiles)


STAND_IN_RETENTION = RetentionRule(
    name="stand-in submissions",
    description="Stand-in submissions: deleted after %(days)s days.",
    due=lambda cutoff: FormSubmission.objects.filter(submit_time__lt=cutoff),
    apply=lambda submissions: submissions.delete()[0],
    days=lambda: 30,
)


def stand_in_handler(**changes):
    """A registered holder of personal data that is not one of the site's apps."""
    fields = {
        "name": "stand-in",
        "models": [FormSubmission],
        "description": "Stand-in form submissions",
        "purpose": "To test the registry (no article)",
        "retention": [STAND_IN_RETENTION],
        "export": _export,
        "erase": _erase,
        "suspend": _suspend,
        "correction_links": lambda email: [("Stand-in record", "/admin/stand-in/")],
    }
    return PersonalDataHandler(**{**fields, **changes})


@pytest.fixture
def stand_in_holder(site):
    with hooks.register_temporarily("register_personal_data", stand_in_handler):
        yield


@pytest.fixture
def make_person(site, stand_in_holder):
    def make(name, email, phone, slug):
        profile = HomePage(title="Creator profile", slug=slug, hero_title="Profile", hero_lead=name)
        site["en"].add_child(instance=profile)
        profile.save_revision().publish()
        FormSubmission.objects.create(
            page=profile, form_data={"name": name, "email": email, "phone": phone}
        )
        return Person(name, email, phone, profile)

    return make


@pytest.fixture
def person(make_person):
    return make_person("Mika Testperson", "mika.testperson@example.com", "+81-90-5555-0142", "p1")


@pytest.fixture
def other_person(make_person):
    return make_person("Ren Otherperson", "ren.otherperson@example.com", "+81-80-7777-0199", "p2")


def _user(username, group=None, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@staff.example.com", "pw", **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(db):
    return _user("officer", PRIVACY_OFFICERS)


@pytest.fixture
def editor(db):
    return _user("editor", EDITORS)


@pytest.fixture
def translator(db):
    return _user("translator", TRANSLATORS)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def confirmation_link(mailoutbox):
    """The path of the confirmation link in the newest email."""
    match = re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return match.group(1)


@pytest.fixture
def submit(client, request_pages, mailoutbox):
    """Submit the public form and return the stored request (unconfirmed)."""

    def do(email, name="Mika Testperson", kind="disclosure", language="en", **extra):
        page = request_pages[language]
        ip = extra.pop("ip", "10.0.0.1")
        data = {"kind": kind, "name": name, "email": email, "details": "Please act.", **extra}
        response = client.post(page.url, data, REMOTE_ADDR=ip)
        assert response.status_code == 302, response.content.decode()[:2000]
        return PrivacyRequest.objects.for_email(email).first()

    return do


@pytest.fixture
def confirmed_request(client, submit, mailoutbox):
    """Submit and confirm through the emailed link, as the requester does."""

    def do(email, **kwargs):
        submit(email, **kwargs)
        link = confirmation_link(mailoutbox)
        response = client.post(link)
        assert response.status_code == 200
        privacy_request = PrivacyRequest.objects.for_email(email).first()
        assert privacy_request.is_confirmed
        return privacy_request

    return do
