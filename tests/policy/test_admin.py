"""The admin: legal approval, the live policy cannot be taken down, versions are read-only."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowPage

from policy.models import PolicyPage
from policy.permissions import PolicyPublishRefused
from policy.versions import PolicyVersion
from tests.policy.factories import draft


def test_the_policy_pages_go_through_legal_approval(policy_ja, policy_en):
    for page in (policy_ja, policy_en):
        assert WorkflowPage.objects.get(page=page).workflow.name == "法務承認"
        task = page.get_workflow().tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == ["Legal approvers"]


def test_an_editor_can_submit_but_not_publish_the_policy(policy_ja, editor, client):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[policy_ja.pk])).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    revision = draft(policy_ja, summary_of_changes="編集者の改定")
    with pytest.raises(PolicyPublishRefused):
        revision.publish(user=editor)
    assert PolicyVersion.objects.count() == 1


def test_an_editor_still_publishes_other_pages(home_ja, policy_ja, editor, client):
    assert home_ja.permissions_for_user(editor).can_publish()
    home_ja.save_revision(user=editor).publish(user=editor)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[home_ja.pk])).content.decode()
    assert 'name="action-publish"' in html


def test_a_legal_approver_approves_and_the_version_is_posted(policy_ja, editor, legal_approver):
    draft(policy_ja, summary_of_changes="法務承認済みの改定")
    page = PolicyPage.objects.get(pk=policy_ja.pk)
    workflow_state = page.get_workflow().start(page, editor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, legal_approver, "approve")
    version = PolicyVersion.objects.get(number=2)
    assert version.summary_of_changes == "法務承認済みの改定"
    assert policy_ja.permissions_for_user(legal_approver).can_publish()


def test_nobody_deletes_the_live_policy_in_the_admin(policy_ja, superuser, client):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:delete", args=[policy_ja.pk])
    response = client.post(url, follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert PolicyPage.objects.filter(pk=policy_ja.pk, live=True).exists()
    # Deleting the home page above it would delete the policy too.
    home = policy_ja.get_parent()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[home.pk]), follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Page.objects.filter(pk=home.pk).exists()


def test_nobody_unpublishes_the_live_policy_in_the_admin(policy_ja, superuser, client):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:unpublish", args=[policy_ja.pk])
    # Not offered (test_no_unpublish_or_expiry_is_offered_for_the_live_policy); posted anyway,
    # Wagtail refuses it for want of permission.
    response = client.post(url, follow=True)
    assert response.redirect_chain
    assert PolicyPage.objects.get(pk=policy_ja.pk).live


@pytest.mark.parametrize("action", ["delete", "unpublish"])
def test_bulk_actions_do_not_take_the_policy_down(policy_ja, superuser, client, action):
    client.force_login(superuser)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    response = client.post(f"{url}?id={policy_ja.pk}", {"include_descendants": "on"}, follow=True)
    refusals = [str(message) for message in response.context["messages"]]
    # Wagtail itself refuses a bulk delete when its reference index knows the versions protect
    # the page, and a bulk unpublish because nobody may unpublish the live policy; otherwise
    # our hook does. Either way the editor is told and the page stays.
    assert refusals and all(response.redirect_chain)
    if "cannot be" in refusals[0]:
        assert "cannot be deleted or unpublished" in refusals[0]
    assert PolicyPage.objects.get(pk=policy_ja.pk).live


def test_a_scheduled_expiry_never_unpublishes_the_policy(policy_ja):
    from django.core.management import call_command
    from django.utils import timezone

    page = PolicyPage.objects.get(pk=policy_ja.pk)
    page.expire_at = timezone.now()
    page.save()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert PolicyPage.objects.get(pk=policy_ja.pk).live


def test_versions_are_read_only_in_the_admin(policy_ja, superuser, client):
    client.force_login(superuser)
    version = PolicyVersion.objects.get()
    assert client.get(reverse("policy_versions:index")).status_code == 200
    assert client.get(reverse("policy_versions:inspect", args=[version.pk])).status_code == 200
    for name in ("edit", "delete"):
        response = client.post(
            reverse(f"policy_versions:{name}", args=[version.pk]), {"summary_of_changes": "x"}
        )
        assert response.status_code in (302, 403)
    assert client.post(reverse("policy_versions:add"), {}).status_code in (302, 403)
    assert PolicyVersion.objects.get().summary_of_changes == "初版"


@pytest.mark.parametrize("who", ["legal_approver", "superuser"])
def test_no_unpublish_or_expiry_is_offered_for_the_live_policy(policy_ja, client, request, who):
    client.force_login(request.getfixturevalue(who))
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[policy_ja.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[policy_ja.pk])).content.decode()
    assert 'name="go_live_at"' in edit  # scheduling a revision is still offered
    assert 'name="expire_at"' not in edit
    assert unpublish not in edit
    listing = client.get(reverse("wagtailadmin_explore", args=[policy_ja.get_parent().pk]))
    assert unpublish not in listing.content.decode()
    # The other pages keep theirs.
    home = policy_ja.get_parent()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    assert 'name="expire_at"' in html


def test_a_versions_admin_page_gives_its_moment_in_japan_time(policy_ja, superuser, client):
    from django.utils import timezone, translation
    from django.utils.formats import date_format

    client.force_login(superuser)
    version = PolicyVersion.objects.get()
    html = client.get(reverse("policy_versions:inspect", args=[version.pk])).content.decode()
    language = html.split('<html lang="', 1)[1].split('"', 1)[0]  # the admin user's language
    with translation.override(language):
        moment = date_format(timezone.localtime(version.effective_at), "DATETIME_FORMAT")
    assert moment + " JST" in html
    # (the revision shown beside it is Wagtail's own string and not ours to reword)
