"""Every date and time in the admin in Japan time, whatever a user's profile once said."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from wagtail.users.models import UserProfile

from policy.models import PolicyPage
from policy.versions import PolicyVersion
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


def test_the_version_page_gives_its_revision_in_japan_time(client, home_ja, japanese_admin):
    with time_machine.travel(MOMENT, tick=False):
        publish(PolicyPageFactory(parent=home_ja, locale=home_ja.locale))
    version = PolicyVersion.objects.get()
    client.force_login(japanese_admin)
    page = client.get(reverse("policy_versions:inspect", args=[version.pk])).content.decode()
    assert f"リビジョン {version.revision_id}(2026年12月2日0:30 JST 保存)" in page
    assert "+00:00" not in page
    assert "15:30" not in page


def test_the_translation_editor_dates_each_translated_segment_in_japan_time(
    home_ja, home_en, japanese_admin
):
    """wagtail-localize dates a segment "Translated manually on 1 December 2026" from a UTC
    moment with an English month: a Japanese translator reads the Tokyo date, in Japanese."""
    from django.utils import translation
    from wagtail_localize.models import StringTranslation

    from tests.policy.factories import translate_with_localize

    source = publish(PolicyPageFactory(parent=home_ja, locale=home_ja.locale)).as_object()
    translate_with_localize(PolicyPage.objects.get(pk=source.pk), home_en.locale)
    segment = StringTranslation.objects.first()
    segment.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    with time_machine.travel(MOMENT, tick=False):
        segment.save()  # a translator's manual edit, saved at MOMENT
    with translation.override("ja"):
        comment = segment.get_comment()
    assert comment == "2026年12月2日に手動で翻訳"
