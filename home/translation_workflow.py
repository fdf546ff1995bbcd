"""Submitting a translation to its page's workflow from wagtail-localize's translation editor, and
acting on it there as its reviewer.

The editor offers "Publish in English" only to those who may publish; everyone else (a translator,
an editor on a policy page that only legal approvers publish) had no way to send a finished
translation for approval. This saves the translation as a draft revision and starts (or resumes)
the page's workflow on it, as Wagtail's own "Submit to …" action does in the page editor.

Once submitted, the page's edit URL still opens the translation editor, which has no workflow
actions: the reviewer (an Editor for a work) could only publish around the workflow. The editor
therefore also offers the current task's actions (approve, request changes) to whoever may take
them, posting to Wagtail's own workflow action view, as the page editor's menu does.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def submit_action(page, user):
    """The workflow a user may submit this translated page to, or None."""
    if not isinstance(page, Page):
        return None
    workflow = page.get_workflow()
    permissions = page.permissions_for_user(user)
    # Wagtail's tester leaves the edit permission to its views; so does this one.
    if workflow is None or not (permissions.can_edit() and permissions.can_submit_for_moderation()):
        return None
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return None
    return workflow


@require_POST
def submit_translation(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    workflow = submit_action(page, request.user)
    if workflow is None:
        raise PermissionDenied
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("“%(title)s” could not be submitted: some translations are not valid yet.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        workflow.start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” has been submitted to %(workflow)s.")
        % {"title": page.title, "workflow": workflow.name},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def review_actions(page, user):
    """The current task's actions this user may take on the translated page, once per action:
    [(name, label, url)], approve first, labelled as Wagtail's page editor labels it."""
    if not isinstance(page, Page):
        return []
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return []
    task_state = state.current_task_state
    if task_state is None:
        return []
    final = state.is_at_final_task and not getattr(
        settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False
    )
    actions = {}
    for name, label, _modal in task_state.task.specific.get_actions(page, user):
        if name in actions:
            continue
        if name == "approve" and final:
            label = gettext("%(label)s and Publish") % {"label": label}
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk])
        actions[name] = (name, str(label).strip(), url)
    return sorted(actions.values(), key=lambda action: action[0] != "approve")
