"""Staff passwords and sessions: long, uncommon passwords; a working day of inactivity ends an
admin session; a password change ends every other session of that user."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("weak", ["short-pw", "password1234", "123456789012", "staff.example.com"])
def test_weak_staff_passwords_are_refused(staff, weak):
    with pytest.raises(ValidationError):
        validate_password(weak, user=staff("officer"))


def test_a_long_uncommon_password_is_accepted(staff):
    validate_password("夜明けの渋谷を歩く-2026", user=staff("officer"))


def test_admin_sessions_end_after_a_working_day_without_a_request(client, staff):
    assert settings.ADMIN_SESSION_IDLE_SECONDS == 8 * 60 * 60
    client.force_login(staff("editor"))
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(start + timedelta(hours=7, minutes=50), tick=False):
        assert client.get("/admin/").status_code == 200  # within a day's work: renewed
    with time_machine.travel(start + timedelta(hours=15, minutes=40), tick=False):
        assert client.get("/admin/pages/").status_code == 200
    with time_machine.travel(start + timedelta(hours=23, minutes=41), tick=False):
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


def account_form_as_it_is(client):
    """Every field of the account page as shown: the page saves all its panels at once."""
    context = client.get("/admin/account/").context
    data = {}
    for panels in context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value is not None and not hasattr(value, "field"):  # no file fields
                    data[form.add_prefix(name)] = value
    return data


def test_a_password_change_logs_out_every_other_session(staff):
    editor = staff("editor")
    laptop, phone = Client(), Client()
    laptop.force_login(editor)
    phone.force_login(editor)
    response = laptop.post(
        "/admin/account/",
        {
            **account_form_as_it_is(laptop),
            "password-old_password": PASSWORD,
            "password-new_password1": "a-new-and-longer-password-2027",
            "password-new_password2": "a-new-and-longer-password-2027",
        },
    )
    assert response.status_code == 302, [
        (p.name, p.get_form().errors)
        for ps in response.context["panels_by_tab"].values()
        for p in ps
    ]
    editor.refresh_from_db()
    assert editor.check_password("a-new-and-longer-password-2027")
    assert laptop.get("/admin/").status_code == 200
    assert phone.get("/admin/").status_code == 302  # sent to the login page
