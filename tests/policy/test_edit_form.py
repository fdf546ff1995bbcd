"""The policy's edit form for a new revision: an empty summary of changes to start from, and a
status panel that names who put the version in force (the approver), not the draft's author."""

import pytest
from django.urls import reverse

from home.templatetags.publication import publication
from policy.models import PolicyPage

pytestmark = pytest.mark.django_db


def edit_form(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response


def test_a_new_revision_starts_with_an_empty_summary(client, policy_ja, legal_approver):
    assert policy_ja.summary_of_changes  # the posted version has one
    form = edit_form(client, legal_approver, policy_ja).context["form"]
    assert form["summary_of_changes"].value() in ("", None)


def test_a_draft_keeps_the_summary_its_author_wrote(client, policy_ja, editor):
    draft = PolicyPage.objects.get(pk=policy_ja.pk)
    draft.summary_of_changes = "第2条を改めました。"
    draft.save_revision(user=editor)
    form = edit_form(client, editor, policy_ja).context["form"]
    assert form["summary_of_changes"].value() == "第2条を改めました。"


def test_the_status_panel_names_the_approver_who_published(
    client, policy_ja, editor, legal_approver, superuser
):
    editor.first_name, editor.last_name = "花子", "編集"
    editor.save()
    legal_approver.first_name, legal_approver.last_name = "太郎", "法務"
    legal_approver.save()
    draft = PolicyPage.objects.get(pk=policy_ja.pk)
    draft.summary_of_changes = "第2条を改めました。"
    draft.save_revision(user=editor)
    state = draft.get_workflow().start(draft, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, legal_approver, "approve")

    page = PolicyPage.objects.get(pk=policy_ja.pk)
    assert page.live_revision.user == editor  # Wagtail's own answer: the draft's author
    assert publication(page).user == legal_approver

    screen = edit_form(client, superuser, page).content.decode()
    assert legal_approver.get_full_name() in screen
    assert editor.get_full_name() not in screen
