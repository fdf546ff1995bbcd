"""Staff of every role, each with a password, for the accounts tests."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.groups import EDITORS, PRIVACY_OFFICERS, TRANSLATORS
from policy.permissions import LEGAL_APPROVERS

PASSWORD = "a-long-staff-password-2026"  # noqa: S105 (test accounts)
ROLES = {
    "editor": EDITORS,
    "translator": TRANSLATORS,
    "approver": LEGAL_APPROVERS,
    "officer": PRIVACY_OFFICERS,
}


def make_staff(role):
    User = get_user_model()
    if role == "superuser":
        return User.objects.create_superuser(
            "root", "root@staff.example.com", PASSWORD, first_name="Root", last_name="Staff"
        )
    user = User.objects.create_user(
        role, f"{role}@staff.example.com", PASSWORD, first_name=role.title(), last_name="Staff"
    )
    if role in ROLES:
        user.groups.add(Group.objects.get_or_create(name=ROLES[role])[0])
    return user


@pytest.fixture
def staff(db):
    """staff("officer") -> a user of that role (editor, translator, approver, officer,
    superuser, or nogroup), password PASSWORD."""
    return make_staff
