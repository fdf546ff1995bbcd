"""Every door that can put a policy revision live, walked as the user who would (Article 8).

The rule: no revision of a policy page in any language goes live unless a Legal approver
publishes it (directly or by approving the workflow task) or it was scheduled by such a publish;
a translation goes live only fully translated. Each refused door creates no version and says why.
"""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment

from policy.models import PolicyPage
from policy.permissions import PolicyPublishRefused
from policy.versions import PolicyVersion
from tests.policy.factories import draft, legal_approver, translate_with_localize

# The wagtail-localize doors publish in `on_commit` callbacks, and Wagtail's edit view publishes
# outside any transaction: only a real commit shows what they do.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def versions(language_code):
    return PolicyVersion.objects.for_language(language_code).count()


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def translator(editor):
    """An editor who may also sync translations (wagtail-localize's submit_translation)."""
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Translators"))
    return editor


@pytest.fixture(autouse=True)
def admin_in_english(editor, legal_approver):
    """These tests read the admin's messages in English (the admin's default is Japanese)."""
    from wagtail.users.models import UserProfile

    for user in (editor, legal_approver):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


def edit_form(summary, paragraph, title="プライバシーポリシー", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "privacy-policy",
            "summary_of_changes": summary,
            "body": streamfield(
                [
                    (
                        "article",
                        {
                            "title": "プライバシー情報",
                            "content": streamfield([("paragraph", paragraph)]),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
            **extra,
        }
    )


@pytest.fixture
def policy_en_synced(policy_ja, home_en):
    """The English policy made with wagtail-localize, fully translated, posted by Legal."""
    translation, english = translate_with_localize(policy_ja, home_en.locale)
    english.get_latest_revision().publish(user=legal_approver())
    assert versions("en") == 1
    return translation, PolicyPage.objects.get(pk=english.pk)


# Admin publish (the edit view) ------------------------------------------------------------


@committed
def test_the_edit_views_publish_by_a_legal_approver_posts_a_version(
    policy_ja, legal_approver, client
):
    client.force_login(legal_approver)
    url = reverse("wagtailadmin_pages:edit", args=[policy_ja.pk])
    response = client.post(url, edit_form("第1条を改定", "承認者の本文。"), follow=True)
    assert versions("ja") == 2
    assert "承認者の本文。" in PolicyVersion.objects.get(number=2).body_text
    assert any("has been published" in message for message in messages_of(response))


@pytest.mark.parametrize("who", ["editor"])
def test_the_edit_views_publish_by_an_editor_posts_nothing(policy_ja, client, request, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("wagtailadmin_pages:edit", args=[policy_ja.pk])
    client.post(url, edit_form("編集者の改定", "編集者の本文。"))
    assert versions("ja") == 1
    assert "編集者の本文。" not in client.get("/ja/privacy-policy/").content.decode()


def test_an_editor_calling_the_publish_action_directly_is_refused(policy_ja, editor):
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction

    revision = draft(policy_ja, summary_of_changes="直接公開")
    # What Wagtail's edit view does: it runs the action with its permission checks skipped.
    with pytest.raises(PolicyPublishRefused):
        PublishPageRevisionAction(revision, user=editor).execute(skip_permission_checks=True)
    assert versions("ja") == 1
    assert PolicyPage.objects.get(pk=policy_ja.pk).live_revision_id != revision.pk


def test_a_publish_with_nobody_behind_it_is_refused(policy_ja):
    revision = draft(policy_ja, summary_of_changes="誰でもない公開")
    with override("en"), pytest.raises(PolicyPublishRefused, match="not been approved"):
        revision.publish()
    assert versions("ja") == 1


# Bulk publish ------------------------------------------------------------------------------


def test_bulk_publish_by_an_editor_posts_nothing(policy_ja, editor, client):
    draft(policy_ja, summary_of_changes="一括公開")
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={policy_ja.pk}", {}, follow=True)
    assert versions("ja") == 1
    assert PolicyPage.objects.get(pk=policy_ja.pk).summary_of_changes == "初版"


def test_bulk_publish_by_a_legal_approver_posts_a_version(policy_ja, legal_approver, client):
    draft(policy_ja, summary_of_changes="一括公開")
    client.force_login(legal_approver)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={policy_ja.pk}", {}, follow=True)
    assert versions("ja") == 2


# wagtail-localize: "Sync translated pages" with "Publish immediately" ------------------------


@committed
@pytest.mark.parametrize("who", ["translator", "legal_approver", "superuser"])
def test_sync_with_publish_immediately_posts_no_english_version(
    policy_en_synced, policy_ja, client, request, who
):
    translation, english = policy_en_synced
    draft(policy_ja, summary_of_changes="第2版").publish(user=legal_approver())
    user = request.getfixturevalue(who)
    if who == "legal_approver":
        user.groups.add(*request.getfixturevalue("translator").groups.all())
    client.force_login(user)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert client.get(url).status_code == 200
    response = client.post(url, {"publish_translations": "on"}, follow=True)
    assert response.status_code == 200
    assert any("not been approved by Legal" in message for message in messages_of(response)), (
        messages_of(response)
    )
    assert versions("en") == 1
    assert PolicyPage.objects.get(pk=english.pk).live_revision_id == english.live_revision_id


# wagtail-localize: the translation editor's "Publish in English" ----------------------------


@committed
def test_publish_in_english_from_the_translation_editor_posts_no_version(
    policy_ja, home_en, superuser, client
):
    translation, english = translate_with_localize(policy_ja, home_en.locale)
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert b"wagtail-localize" in client.get(url).content  # the translation editor answers
    response = client.post(url, {"action": "publish"}, follow=True)
    assert response.status_code == 200
    assert any("not been approved by Legal" in message for message in messages_of(response)), (
        messages_of(response)
    )
    assert versions("en") == 0
    assert not PolicyPage.objects.get(pk=english.pk).live


# A translation with untranslated segments ----------------------------------------------------


def test_an_english_version_with_untranslated_segments_is_refused_naming_them(policy_ja, home_en):
    translation, english = translate_with_localize(policy_ja, home_en.locale, leave_out=1)
    last = StringSegment.objects.filter(source=translation.source).order_by("order").last()
    with override("en"), pytest.raises(PolicyPublishRefused) as refused:
        english.get_latest_revision().publish(user=legal_approver())
    assert "not fully translated" in refused.value.message
    assert last.string.data[:20] in refused.value.message
    assert versions("en") == 0

    translate_with_localize(policy_ja, home_en.locale)  # the last segment translated too
    PolicyPage.objects.get(pk=english.pk).get_latest_revision().publish(user=legal_approver())
    assert versions("en") == 1


def test_the_refusal_is_shown_to_the_approver_in_the_admin(policy_ja, home_en, superuser, client):
    translation, english = translate_with_localize(policy_ja, home_en.locale, leave_out=1)
    client.force_login(superuser)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(f"{url}?id={english.pk}", {}, follow=True)
    assert any("not fully translated" in message for message in messages_of(response)), messages_of(
        response
    )
    assert versions("en") == 0


# Scheduled publish ---------------------------------------------------------------------------


def test_an_editors_draft_with_a_past_go_live_is_not_published_by_the_scheduler(policy_ja):
    revision = draft(policy_ja, summary_of_changes="予約", go_live_at=timezone.now())
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert versions("ja") == 1
    assert PolicyPage.objects.get(pk=policy_ja.pk).live_revision_id != revision.pk


def test_a_revision_scheduled_by_legal_goes_live_by_the_scheduler(policy_ja, legal_approver):
    go_live = timezone.now() + dt.timedelta(hours=1)
    revision = draft(policy_ja, summary_of_changes="予約", go_live_at=go_live)
    revision.publish(user=legal_approver)
    assert versions("ja") == 1
    with time_machine.travel(go_live + dt.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert versions("ja") == 2


# Revert --------------------------------------------------------------------------------------


def test_reverting_to_an_old_revision_goes_through_legal(policy_ja, editor, legal_approver):
    first = PolicyPage.objects.get(pk=policy_ja.pk).live_revision
    draft(policy_ja, summary_of_changes="第2版").publish(user=legal_approver)
    with pytest.raises(PolicyPublishRefused):
        first.publish(user=editor, previous_revision=first)
    assert versions("ja") == 2
    first.publish(user=legal_approver, previous_revision=first)
    assert PolicyVersion.objects.get(number=3).summary_of_changes == "初版"


def test_the_revert_view_publishes_only_for_legal(policy_ja, editor, client):
    first = PolicyPage.objects.get(pk=policy_ja.pk).live_revision
    draft(policy_ja, summary_of_changes="第2版").publish(user=legal_approver())
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[policy_ja.pk, first.pk])
    html = client.get(url).content.decode()
    assert 'name="action-publish"' not in html
    client.post(
        reverse("wagtailadmin_pages:edit", args=[policy_ja.pk]),
        edit_form("初版", "黙って戻した本文。", revision=first.pk),
    )
    assert versions("ja") == 2


# Copy ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "legal_approver", "superuser"])
def test_copying_the_home_page_with_publish_copies_creates_no_live_policy(
    policy_ja, client, request, who
):
    client.force_login(request.getfixturevalue(who))
    home = policy_ja.get_parent()
    root = home.get_parent()
    client.post(
        reverse("wagtailadmin_pages:copy", args=[home.pk]),
        {
            "new_title": "コピー",
            "new_slug": "home-copy",
            "new_parent_page": root.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
        follow=True,
    )
    assert PolicyPage.objects.live().count() == 1
    assert versions("ja") == 1


def test_copying_the_policy_with_the_page_api_creates_no_live_policy(policy_ja, home_en):
    with pytest.raises(PolicyPublishRefused):
        policy_ja.copy(to=home_en, update_attrs={"locale": home_en.locale}, keep_live=True)
    assert PolicyPage.objects.live().count() == 1
    copy = policy_ja.copy(to=home_en, update_attrs={"locale": home_en.locale}, keep_live=False)
    assert not copy.live and versions("en") == 0
