"""Who reaches what in the admin: each admin URL of staff accounts and personal data, for an
anonymous visitor, a user in no group, an Editor, a Translator, a Legal approver, a Privacy officer
and a superuser (all signed in with both factors, as staff are)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nogroup", "editor", "translator", "approver", "officer", "superuser"]
PRIVACY = {"officer", "superuser"}
STAFF = {"editor", "translator", "approver", "officer", "superuser"}

# url: the roles that reach it (everyone else is sent away or refused).
MATRIX = {
    "/admin/": STAFF,
    "/admin/account/": STAFF,
    "/admin/accounts/two-factor/": STAFF,
    "/admin/accounts/lockouts/": PRIVACY,
    "/admin/reports/site-history/": STAFF,
    "/admin/creators_entry/": PRIVACY,
    "/admin/creators_creator/": PRIVACY,
    "/admin/privacy-requests/": PRIVACY,
    "/admin/incidents/": PRIVACY,
}


def client_for(role, staff):
    client = Client()
    if role != "anonymous":
        client.force_login(staff(role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_matrix_says(staff, role):
    client = client_for(role, staff)
    for url, allowed in MATRIX.items():
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (role, url, response.status_code)
        elif role == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/"), url
        else:
            assert response.status_code in (302, 403), (role, url, response.status_code)
            if response.status_code == 302:  # to the login page or the dashboard, not further
                location = response["Location"].split("?")[0]
                assert location in ("/admin/login/", "/admin/"), (role, url, location)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_privacy_role_lifts_a_lockout(staff, role):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="victim", ip_address="203.0.113.9", user_agent="x", failures_since_start=9
    )
    client_for(role, staff).post(f"/admin/accounts/lockouts/{attempt.pk}/unlock/")
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists() is (role not in PRIVACY)
