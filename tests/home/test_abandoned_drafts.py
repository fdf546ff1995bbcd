"""New pages that autosave stored and nobody finished are listed for someone to finish or delete;
pages in use (published, recent, submitted, being translated) are not."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from home.reports import abandoned_drafts

pytestmark = pytest.mark.django_db


def draft(parent, title, slug, days_ago, user=None):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        page = HomePage(title=title, slug=slug, hero_title=title, live=False)
        parent.add_child(instance=page)
        page.save_revision(user=user)
    return page


def test_only_forgotten_new_pages_are_listed(site, admin_user):
    forgotten = draft(site["ja"], "書きかけ", "kakikake", days_ago=3)
    draft(site["ja"], "今朝の下書き", "kesa", days_ago=0)
    submitted = draft(site["ja"], "承認待ち", "shonin-machi", days_ago=3)
    submitted.get_workflow().start(submitted, admin_user)
    published = draft(site["ja"], "公開済み", "kokai-zumi", days_ago=3)
    published.get_latest_revision().publish()

    assert [page.pk for page in abandoned_drafts()] == [forgotten.pk]


def test_a_translation_still_being_written_is_not_abandoned(site):
    source = draft(site["ja"], "原文", "genbun", days_ago=5)
    source.get_latest_revision().publish()
    english = Locale.objects.get(language_code="en")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3)):
        translation_source, _ = TranslationSource.get_or_create_from_instance(source)
        translation = Translation.objects.create(
            source=translation_source, target_locale=english, enabled=True
        )
        translation.save_target(publish=False)
    assert list(abandoned_drafts()) == []

    translation.enabled = False  # translation stopped: the draft is nobody's now
    translation.save()
    assert [page.title for page in abandoned_drafts()] == ["原文"]


def test_the_report_lists_them_in_the_admin(site, admin_client):
    draft(site["ja"], "書きかけ", "kakikake", days_ago=3)
    response = admin_client.get(reverse("abandoned_drafts"))
    assert response.status_code == 200
    assert "書きかけ" in response.content.decode()
    assert reverse("abandoned_drafts") in admin_client.get("/admin/").content.decode()
