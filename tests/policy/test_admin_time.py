"""Every date and time in the admin in Japan time, whatever a user's profile once said."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from wagtail.users.models import UserProfile

from policy.models import PolicyVersion
from tests.policy.factories import PolicyPageFactory, publish

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2026, 12, 1, 15, 30, tzinfo=datetime.UTC)  # 2 Dec 00:30 in Tokyo


@pytest.fixture
def japanese_admin(django_user_model):
    user = django_user_model.objects.create_superuser("kanri", "kanri@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ja"
    profile.current_time_zone = "UTC"  # chosen before the admin kept to Japan time
    profile.save()
    return user


def test_the_admin_lists_a_moment_in_japan_time(client, home_ja, japanese_admin):
    with time_machine.travel(MOMENT, tick=False):
        publish(PolicyPageFactory(parent=home_ja, locale=home_ja.locale))
    assert PolicyVersion.objects.get().effective_at == MOMENT
    client.force_login(japanese_admin)
    listing = client.get(reverse("policy_versions:index")).content.decode()
    assert "2026年12月2日0:30" in listing
    assert "2026年12月1日15:30" not in listing


def test_no_other_time_zone_is_offered_or_kept(client, japanese_admin):
    assert UserProfile.get_for_user(japanese_admin).current_time_zone == ""
    client.force_login(japanese_admin)
    response = client.get(reverse("wagtailadmin_account"))
    assert "current_time_zone" not in response.content.decode()
