"""Drafts, moderation, previews and schedules change nothing a visitor sees; going live does."""

import datetime as dt

import time_machine
from django.core.management import call_command
from django.utils import timezone

from policy.models import PolicyPage
from policy.versions import PolicyVersion, version_in_force
from tests.policy.factories import DEFAULT_ARTICLES, draft, legal_approver, policy_body

NEW_TEXT = "改定後の新しい条文です。"
NEW_BODY = policy_body(("プライバシー情報", [NEW_TEXT]), *DEFAULT_ARTICLES[1:])


def visitor_sees(client, text):
    pages = ["/ja/privacy-policy/", "/ja/privacy-policy/versions/", "/ja/privacy-policy/feed/"]
    return any(text in client.get(url).content.decode() for url in pages)


def test_a_draft_changes_nothing_a_visitor_sees(policy_ja, client):
    draft(policy_ja, body=NEW_BODY, summary_of_changes="下書き")
    assert not visitor_sees(client, NEW_TEXT)
    assert not visitor_sees(client, "下書き")
    assert PolicyVersion.objects.count() == 1


def test_submitting_for_moderation_changes_nothing(policy_ja, editor, client):
    draft(policy_ja, body=NEW_BODY, summary_of_changes="審査中")
    page = PolicyPage.objects.get(pk=policy_ja.pk)
    workflow = page.get_workflow()
    assert workflow.name == "法務承認"
    workflow.start(page, editor)
    assert PolicyPage.objects.get(pk=page.pk).workflow_in_progress
    assert not visitor_sees(client, NEW_TEXT)
    assert PolicyVersion.objects.count() == 1


def test_a_preview_shows_the_draft_to_the_editor_only(policy_ja, client):
    draft(policy_ja, body=NEW_BODY)
    page = PolicyPage.objects.get(pk=policy_ja.pk).get_latest_revision_as_object()
    preview = page.make_preview_request()
    assert NEW_TEXT in preview.content.decode()
    assert not visitor_sees(client, NEW_TEXT)
    assert PolicyVersion.objects.count() == 1


def schedule(page, go_live_at):
    page = PolicyPage.objects.get(pk=page.pk)
    page.body = NEW_BODY
    page.summary_of_changes = "予約公開"
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish(user=legal_approver())
    return revision


def test_a_scheduled_revision_is_invisible_until_its_moment(policy_ja, client):
    go_live = timezone.now() + dt.timedelta(hours=2)
    schedule(policy_ja, go_live)
    assert not visitor_sees(client, NEW_TEXT)
    with time_machine.travel(go_live - dt.timedelta(seconds=1), tick=False):
        assert not visitor_sees(client, NEW_TEXT)
        assert version_in_force("ja").number == 1
    assert PolicyVersion.objects.count() == 1


def test_publish_scheduled_records_its_go_live_run_never_earlier(policy_ja, client):
    go_live = timezone.now() + dt.timedelta(hours=2)
    revision = schedule(policy_ja, go_live)
    run_at = go_live + dt.timedelta(seconds=1)
    with time_machine.travel(run_at, tick=False):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    version = PolicyVersion.objects.get(number=2)
    assert version.revision_id == revision.pk
    assert version.effective_at == run_at  # the moment it became visible, not the approval
    assert version.effective_at >= go_live
    assert PolicyPage.objects.get(pk=policy_ja.pk).last_published_at == run_at
    with time_machine.travel(run_at + dt.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
        assert visitor_sees(client, NEW_TEXT)
    assert PolicyVersion.objects.count() == 2


def test_the_first_request_after_the_moment_publishes_it(policy_ja, client):
    go_live = timezone.now() + dt.timedelta(hours=2)
    schedule(policy_ja, go_live)
    visit = go_live + dt.timedelta(minutes=3)
    with time_machine.travel(visit, tick=False):
        response = client.get("/ja/privacy-policy/")
        assert NEW_TEXT in response.content.decode()
        assert client.get("/ja/privacy-policy/versions/2/").status_code == 200
    version = PolicyVersion.objects.get(number=2)
    assert version.effective_at == visit
    assert PolicyVersion.objects.count() == 2


def test_a_scheduled_first_publish_goes_live_on_the_first_request(home_ja, client):
    from tests.policy.factories import PolicyPageFactory

    page = PolicyPageFactory(parent=home_ja, locale=home_ja.locale)
    go_live = timezone.now() + dt.timedelta(hours=1)
    page.go_live_at = go_live
    page.save_revision().publish(user=legal_approver())
    assert client.get("/ja/privacy-policy/").status_code == 404
    assert not PolicyVersion.objects.exists()
    with time_machine.travel(go_live + dt.timedelta(seconds=5), tick=False):
        assert client.get("/ja/privacy-policy/").status_code == 200
    assert PolicyVersion.objects.get().effective_at == go_live + dt.timedelta(seconds=5)


def test_consent_helper_sees_a_due_revision_as_in_force(policy_ja):
    go_live = timezone.now() + dt.timedelta(hours=2)
    schedule(policy_ja, go_live)
    with time_machine.travel(go_live + dt.timedelta(seconds=30), tick=False):
        assert version_in_force("ja").number == 2
