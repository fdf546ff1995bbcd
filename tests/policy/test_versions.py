"""Publishing a policy revision records exactly one immutable version, at the moment it goes live."""

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, transaction
from wagtail.models import Revision

from policy.models import PolicyPage
from policy.versions import ImmutableVersionError, PolicyVersion, version_in_force
from tests.policy.factories import PolicyPageFactory, legal_approver, policy_body, publish

JST = dt.timezone(dt.timedelta(hours=9))
MOMENT = dt.datetime(2026, 4, 1, 10, 30, 15, tzinfo=JST)


def test_first_publish_of_a_new_page_is_version_one(home_ja):
    # wagtail#8337: the first revision is missing from the page history; version 1 is not.
    page = PolicyPageFactory(parent=home_ja, locale=home_ja.locale)
    assert not PolicyVersion.objects.exists()
    with time_machine.travel(MOMENT, tick=False):
        revision = publish(page)
    version = PolicyVersion.objects.get()
    assert (version.number, version.revision_id) == (1, revision.pk)
    assert version.effective_at == MOMENT
    assert version.summary_of_changes == "初版"
    assert "個人情報とは" in version.body_text
    assert "第1条" in version.body_html and "Article 1" not in version.body_html
    assert version.body_json[1]["value"]["title"] == "プライバシー情報"


def test_publish_creates_exactly_one_version_at_the_moment_it_goes_live(policy_ja):
    later = MOMENT + dt.timedelta(days=30)
    with time_machine.travel(later, tick=False):
        publish(policy_ja, summary_of_changes="第2条を改定", title="プライバシーポリシー（改定）")
    assert PolicyVersion.objects.count() == 2
    version = PolicyVersion.objects.get(number=2)
    page = PolicyPage.objects.get(pk=policy_ja.pk)
    assert version.effective_at == later == page.last_published_at
    assert version.summary_of_changes == "第2条を改定"
    assert version.title == "プライバシーポリシー（改定）"


def test_numbering_is_per_locale_and_histories_are_independent(policy_ja, policy_en):
    publish(policy_ja, summary_of_changes="改定1")
    publish(policy_ja, summary_of_changes="改定2")
    publish(policy_en, summary_of_changes="Amendment 1")
    ja = list(PolicyVersion.objects.for_language("ja").values_list("number", flat=True))
    en = list(PolicyVersion.objects.for_language("en").values_list("number", flat=True))
    assert ja == [3, 2, 1]
    assert en == [2, 1]
    assert set(PolicyVersion.objects.for_language("en").values_list("page", flat=True)) == {
        policy_en.pk
    }


def test_versions_cannot_be_changed_or_deleted(policy_ja):
    version = PolicyVersion.objects.get()
    version.summary_of_changes = "書き換え"
    with pytest.raises(ImmutableVersionError):
        version.save()
    with pytest.raises(ImmutableVersionError):
        version.delete()
    with pytest.raises(ImmutableVersionError):
        PolicyVersion.objects.filter(pk=version.pk).update(summary_of_changes="書き換え")
    with pytest.raises(ImmutableVersionError):
        PolicyVersion.objects.all().delete()
    with pytest.raises(ImmutableVersionError), transaction.atomic():
        PolicyVersion.objects.bulk_update([version], ["summary_of_changes"])
    assert PolicyVersion.objects.get().summary_of_changes == "初版"


def test_the_page_and_revision_of_a_version_cannot_be_deleted(policy_ja):
    from django.db.models import ProtectedError

    version = PolicyVersion.objects.get()
    with pytest.raises(ProtectedError), transaction.atomic():
        Revision.objects.get(pk=version.revision_id).delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        PolicyPage.objects.get(pk=policy_ja.pk).delete()


def test_purge_revisions_keeps_the_revisions_of_posted_versions(policy_ja):
    for n in range(3):
        publish(policy_ja, summary_of_changes=f"改定{n}")
    call_command("purge_revisions", stdout=open("/dev/null", "w"))
    kept = set(Revision.objects.values_list("pk", flat=True))
    assert set(PolicyVersion.objects.values_list("revision_id", flat=True)) <= kept
    assert PolicyVersion.objects.count() == 4


def test_a_failed_publish_leaves_no_version_and_the_old_text_live(policy_ja, client):
    page = PolicyPage.objects.get(pk=policy_ja.pk)
    page.summary_of_changes = "失敗する改定"
    revision = page.save_revision()
    # Wagtail updates aliases after sending page_published; a failure there must undo everything.
    with mock.patch.object(PolicyPage, "update_aliases", side_effect=RuntimeError("boom")):
        with pytest.raises(RuntimeError):
            revision.publish(user=legal_approver())
    assert PolicyVersion.objects.count() == 1
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk
    assert page.summary_of_changes == "初版"


def test_two_versions_cannot_share_a_number_in_a_locale(policy_ja):
    first = PolicyVersion.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyVersion.objects.create(
            page=first.page,
            locale=first.locale,
            number=1,
            revision=first.revision,
            effective_at=first.effective_at,
            title="x",
            summary_of_changes="x",
            body_json=[],
            body_html="",
            body_text="",
        )


def test_recording_takes_the_locale_lock_inside_the_publish_transaction(policy_ja):
    from policy import versioning

    with mock.patch.object(
        versioning.Locale.objects,
        "select_for_update",
        wraps=versioning.Locale.objects.select_for_update,
    ) as lock:
        publish(policy_ja, summary_of_changes="改定")
    lock.assert_called_once()
    with pytest.raises(RuntimeError, match="inside the publish transaction"):
        page = PolicyPage.objects.get(pk=policy_ja.pk)
        with mock.patch.object(versioning.transaction, "get_connection") as connection:
            connection.return_value.in_atomic_block = False
            versioning.record_version(PolicyPage, page, page.live_revision)


def test_version_in_force_at_a_past_moment(policy_ja):
    first = PolicyVersion.objects.get()
    change = first.effective_at + dt.timedelta(days=10)
    with time_machine.travel(change, tick=False):
        publish(policy_ja, summary_of_changes="改定")
    assert version_in_force("ja", first.effective_at - dt.timedelta(seconds=1)) is None
    assert version_in_force("ja", first.effective_at).number == 1
    assert version_in_force("ja", change - dt.timedelta(microseconds=1)).number == 1
    assert version_in_force("ja", change).number == 2
    assert version_in_force("ja").number == 1  # now is before `change`
    with time_machine.travel(change + dt.timedelta(hours=1), tick=False):
        assert version_in_force("ja").number == 2
    assert version_in_force("en") is None
    assert version_in_force("ja", change).get_absolute_url() == "/ja/privacy-policy/versions/2/"


def test_english_version_records_the_japanese_version_it_translates(policy_ja, policy_en):
    en_first = PolicyVersion.objects.get(locale__language_code="en")
    assert en_first.translates == PolicyVersion.objects.get(locale__language_code="ja")
    publish(policy_ja, summary_of_changes="改定")
    publish(
        policy_en,
        summary_of_changes="Amendment",
        body=policy_body(("Privacy Information", ["Amended."])),
    )
    en_second = PolicyVersion.objects.get(locale__language_code="en", number=2)
    assert en_second.translates.number == 2
