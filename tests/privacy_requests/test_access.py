"""Only Privacy officers (and superusers) reach the queue, a request, its actions and downloads."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from home.outbox import OutboxEmail
from privacy_requests.models import PrivacyRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(confirmed_request, person):
    privacy_request = confirmed_request(person.email, kind="deletion")
    failed = OutboxEmail.objects.create(
        template="privacy_requests/email/status",
        about=privacy_request,
        to_address=person.email,
        language="en",
        subject="s",
        body="b",
        delivery=OutboxEmail.Delivery.FAILED,
    )
    return privacy_request, failed


def queue_urls(privacy_request, failed_email):
    pk = privacy_request.pk
    return [
        ("get", reverse("privacy_requests:index")),
        ("get", reverse("privacy_requests:index_results")),
        ("get", reverse("privacy_requests:inspect", args=[pk])),
        ("get", reverse("privacy_requests:answer", args=[pk])),
        ("get", reverse("privacy_requests:edit", args=[pk])),
        ("get", reverse("privacy_requests:add")),
        ("get", reverse("privacy_requests:delete", args=[pk])),
        ("get", reverse("privacy_requests:history", args=[pk])),
        ("post", reverse("privacy_requests:action", args=[pk])),
        ("post", reverse("privacy_requests:retry_email", args=[failed_email.pk])),
    ]


def assert_refused(response, person):
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "privacy-requests" not in response["Location"]
    assert person.email not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(case, person):
    anonymous = Client()
    for method, url in queue_urls(*case):
        response = getattr(anonymous, method)(url, {"action": "delete", "confirm": "yes"})
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_editors_and_translators_are_refused_everywhere(case, person, role, request):
    user = request.getfixturevalue(role)
    staff = Client()
    staff.force_login(user)
    for method, url in queue_urls(*case):
        response = getattr(staff, method)(url, {"action": "delete", "confirm": "yes"})
        assert_refused(response, person)
    privacy_request, failed = case
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.OPEN  # the POSTs did nothing
    assert not privacy_request.is_anonymised
    failed.refresh_from_db()
    assert failed.delivery == OutboxEmail.Delivery.FAILED
    assert reverse("privacy_requests:index") not in staff.get("/admin/").content.decode()


def test_a_model_permission_alone_does_not_open_the_queue(case, person, editor):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(
        Permission.objects.get(codename="view_privacyrequest"),
        Permission.objects.get(codename="change_privacyrequest"),
    )
    staff = Client()
    staff.force_login(get_user_model().objects.get(pk=editor.pk))
    for method, url in queue_urls(*case):
        assert_refused(getattr(staff, method)(url), person)


def test_officers_see_the_queue_the_request_and_the_dashboard_panel(case, person, officer_client):
    privacy_request, _ = case
    index = officer_client.get(reverse("privacy_requests:index"))
    assert index.status_code == 200
    assert str(privacy_request) in index.content.decode()
    detail = officer_client.get(reverse("privacy_requests:inspect", args=[privacy_request.pk]))
    assert detail.status_code == 200
    assert person.email in detail.content.decode()
    dashboard = officer_client.get("/admin/").content.decode()
    assert "privacy-requests-panel" in dashboard


def test_officers_cannot_add_edit_or_delete_requests_in_the_admin(case, officer_client):
    privacy_request, _ = case
    for url in [
        reverse("privacy_requests:add"),
        reverse("privacy_requests:edit", args=[privacy_request.pk]),
        reverse("privacy_requests:delete", args=[privacy_request.pk]),
    ]:
        response = officer_client.post(url, {})
        assert response.status_code in (302, 403), url
    assert PrivacyRequest.objects.filter(pk=privacy_request.pk).exists()


def test_the_dashboard_panel_is_for_officers_only(case, editor):
    staff = Client()
    staff.force_login(editor)
    html = staff.get("/admin/").content.decode()
    assert "privacy-requests-panel" not in html


def test_superusers_see_the_queue_too(case, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@staff.example.com", "pw")
    staff = Client()
    staff.force_login(admin)
    privacy_request, _ = case
    assert staff.get(reverse("privacy_requests:index")).status_code == 200
    detail = staff.get(reverse("privacy_requests:inspect", args=[privacy_request.pk]))
    assert detail.status_code == 200
