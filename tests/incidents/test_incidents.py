"""The incident register: report clocks, people found through the registry, notices in each
person's language, stored first and logged by count."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.groups import EDITORS, PRIVACY_OFFICERS
from incidents.models import AffectedPerson, Incident
from incidents.people import add_people, send_notices
from tests.creators.factories import CreatorFactory

pytestmark = pytest.mark.django_db

FOUND = datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def user_in(group, name):
    user = get_user_model().objects.create_user(name, f"{name}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer():
    return user_in(PRIVACY_OFFICERS, "officer")


@pytest.fixture
def incident():
    return Incident.objects.create(found_at=FOUND, what_happened="A laptop was lost.")


def overdue(incident, now):
    return [is_overdue for _label, _due, _filed, is_overdue in incident.clocks(now)]


def test_the_preliminary_report_is_due_within_five_days(incident):
    assert overdue(incident, FOUND + timedelta(days=4, hours=23)) == [False, False]
    assert overdue(incident, FOUND + timedelta(days=5, minutes=1)) == [True, False]
    incident.preliminary_reported_at = FOUND + timedelta(days=3)
    assert overdue(incident, FOUND + timedelta(days=6)) == [False, False]


def test_the_final_report_is_due_in_30_days_or_60_when_malicious(incident):
    incident.preliminary_reported_at = FOUND + timedelta(days=2)
    assert overdue(incident, FOUND + timedelta(days=31)) == [False, True]
    incident.malicious = True
    assert overdue(incident, FOUND + timedelta(days=31)) == [False, False]
    assert overdue(incident, FOUND + timedelta(days=61)) == [False, True]


def test_the_dashboard_shows_the_clocks_to_officers_only(client, incident, officer):
    client.force_login(officer)
    with time_machine.travel(FOUND + timedelta(days=6), tick=False):
        html = client.get("/admin/").content.decode()
    assert 'id="incident-clocks' in html and str(incident) in html
    assert "status-tag--critical" in html  # the preliminary report is overdue
    client.force_login(user_in(EDITORS, "editor"))
    assert 'id="incident-clocks' not in client.get("/admin/").content.decode()


def test_people_are_found_through_the_registry_with_their_language(incident, officer):
    CreatorFactory(email="ken@example.com", language="en")
    CreatorFactory(email="hana@example.com", language="ja")
    added, unknown = add_people(
        incident, ["KEN@example.com", "hana@example.com", "stranger@example.com"], officer
    )
    assert (added, unknown) == (2, 1)
    people = {p.email: p for p in AffectedPerson.objects.all()}
    assert set(people) == {"ken@example.com", "hana@example.com"}
    assert people["ken@example.com"].language == "en"
    assert people["ken@example.com"].records["creators: creators"] == 1
    assert add_people(incident, ["ken@example.com"], officer) == (0, 0)  # listed once


def test_each_person_gets_a_notice_in_their_language_logged_by_count(
    incident, officer, mailoutbox, django_capture_on_commit_callbacks
):
    CreatorFactory(email="ken@example.com", language="en")
    CreatorFactory(email="hana@example.com", language="ja")
    add_people(incident, ["ken@example.com", "hana@example.com"], officer)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_notices(incident, officer) == (2, 0)  # they leave after the commit
    assert {m.to[0] for m in mailoutbox} == {"ken@example.com", "hana@example.com"}
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert "incident" in subjects["ken@example.com"]
    assert "個人情報" in subjects["hana@example.com"]
    assert "A laptop was lost." in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_notices(incident, officer) == (0, 0)  # exactly once
    assert len(mailoutbox) == 2
    entries = ModelLogEntry.objects.filter(action="incidents.notices_sent").order_by("pk")
    assert [e.data for e in entries] == [{"queued": 2, "retried": 0}, {"queued": 0, "retried": 0}]
    assert all("@" not in str(e.data) for e in ModelLogEntry.objects.all())


def test_a_failed_notice_is_stored_visible_and_sent_later(
    incident, officer, settings, mailoutbox, django_capture_on_commit_callbacks
):
    CreatorFactory(email="ken@example.com", language="en")
    add_people(incident, ["ken@example.com"], officer)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    with django_capture_on_commit_callbacks(execute=True):
        send_notices(incident, officer)
    notice = AffectedPerson.objects.get().notice
    assert notice.body and notice.last_error and notice.sent_at is None
    assert notice.language == "en" and notice.next_attempt_at  # retried by itself later
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert send_notices(incident, officer) == (0, 1)  # the officer need not wait
    notice.refresh_from_db()
    assert notice.delivery == notice.Delivery.SENT and len(mailoutbox) == 1


def test_the_officer_screens(client, incident, officer, mailoutbox):
    CreatorFactory(email="ken@example.com", language="en")
    client.force_login(officer)
    url = reverse("incidents_people", args=[incident.pk])
    bad = client.post(url, {"emails": "not-an-address"})
    assert bad.status_code == 400 and "not-an-address" in bad.content.decode()
    client.post(url, {"emails": "ken@example.com\n"})
    assert AffectedPerson.objects.count() == 1
    client.post(reverse("incidents_notify", args=[incident.pk]))
    assert len(mailoutbox) == 1
    assert client.get(reverse("incidents:index")).status_code == 200


def test_editors_cannot_open_the_register(client, incident):
    client.force_login(user_in(EDITORS, "editor"))
    url = reverse("incidents_people", args=[incident.pk])
    assert client.get(url).status_code in (302, 403)  # Wagtail sends the refused to the dashboard
    assert client.post(reverse("incidents_notify", args=[incident.pk])).status_code in (302, 403)
    assert "A laptop" not in client.get(url, follow=True).content.decode()
    assert client.get(reverse("incidents:index")).status_code in (302, 403)


def test_the_register_and_an_incident_read_in_words_and_japan_time(client, incident, officer):
    import re

    client.force_login(officer)
    listing = client.get(reverse("incidents:index")).content.decode()
    page = client.get(reverse("incidents:inspect", args=[incident.pk])).content.decode()
    for html in (listing[listing.index("<tbody") :], page[page.index("<main") :]):
        raw = re.search(r">\s*(True|False|None)\s*<|\+00:00|UTC", html)
        assert not raw, raw
    assert "2026年6月1日9:00 JST" in page  # found at 09:00 in Tokyo (00:00 UTC)
    assert "0:00" not in page
