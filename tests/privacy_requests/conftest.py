"""Fixtures for privacy requests: the page in both languages, people whose data the real apps
keep, officers and non-officers, and a helper that walks a request to "confirmed".

A person (`make_person`) is what the site really holds on a creator: a creator record with
their name, email and phone, their consent to publishing their name, a live English profile that
shows it, and a credit on a live work. Requests reach them through the creators app's registered
handler, as in production (no stand-in data holder).

`stand_in_handler` is only an extra registered handler that holds no one's data, for tests of
the registry's mechanics (a new handler appears on the public page; a failing one stops an
erasure half-way).
"""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from creators.choices import PUBLISH_NAME
from creators.models import Creator, CreatorPage, CreatorsIndexPage
from home.groups import EDITORS, PRIVACY_OFFICERS, TRANSLATORS
from home.personal_data import PersonalDataHandler, RetentionRule
from privacy_requests.models import PrivacyRequest
from tests.creators.conftest import give
from tests.creators.factories import CreatorFactory, CreatorPageFactory, CreatorsIndexPageFactory
from tests.privacy_requests.factories import PrivacyRequestPageFactory
from tests.works.factories import WorkCreditFactory, WorkPageFactory, WorksIndexPageFactory
from works.models import WorkPage, WorksIndexPage


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
    profile: CreatorPage
    work: WorkPage

    @property
    def profile_url(self):
        return self.profile.url


STAND_IN_RETENTION = RetentionRule(
    name="stand-in submissions",
    description="Stand-in submissions: deleted after %(days)s days.",
    due=lambda cutoff: Creator.objects.none(),
    apply=lambda records: 0,
    days=lambda: 30,
)


def stand_in_handler(**changes):
    """A registered handler that is not one of the site's apps and holds nobody's data."""
    fields = {
        "name": "stand-in",
        "models": [Creator],
        "description": "Stand-in form submissions",
        "purpose": "To test the registry (no article)",
        "retention": [STAND_IN_RETENTION],
        "export": lambda email: {},
        "erase": lambda email: 0,
        "suspend": lambda email: 0,
        "correction_links": lambda email: [("Stand-in record", "/admin/stand-in/")],
    }
    return PersonalDataHandler(**{**fields, **changes})


@pytest.fixture
def make_person(site):
    english = site["en"]

    def shared(model, factory, **fields):
        return model.objects.filter(locale=english.locale).first() or factory(
            parent=english, locale=english.locale, **fields
        )

    def make(name, email, phone, slug):
        creator = CreatorFactory(name=name, email=email, phone=phone, language="en")
        give(creator, PUBLISH_NAME)
        index = shared(CreatorsIndexPage, CreatorsIndexPageFactory, title="Creators")
        profile = CreatorPageFactory(
            parent=index, locale=english.locale, creator=creator, slug=slug
        )
        works = shared(WorksIndexPage, WorksIndexPageFactory, title="Works")
        work = WorkPageFactory(parent=works, locale=english.locale, slug=f"work-of-{slug}")
        WorkCreditFactory(work=work, role="director", creator_page=profile)
        work.save_revision().publish()
        return Person(name, email, phone, profile, work)

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


def answer_link(mailoutbox):
    """The path of the download link in the newest "answer" email."""
    for message in reversed(mailoutbox):
        match = re.search(r"https?://[^/\s]+(/\S+/answer/[A-Za-z0-9_-]+/)", message.body)
        if match:
            return match.group(1)
    raise AssertionError("no answer link was emailed")


@pytest.fixture
def fetch_answer(client, mailoutbox):
    """Open the emailed answer link as the requester does and press the button: the ZIP."""

    def do():
        import io
        import zipfile

        link = answer_link(mailoutbox)
        page = client.get(link)
        assert page.status_code == 200, page.content.decode()[:500]
        response = client.post(link)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        return zipfile.ZipFile(io.BytesIO(response.content))

    return do
