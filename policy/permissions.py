"""Who may put a policy revision in force, and the "Legal approval" workflow that decides it.

Editors hold publish_page on the whole tree (home/migrations/0003). For the policy page, Wagtail
asks the page's own permission tester, so narrowing `can_publish` there removes the Publish button,
refuses direct publishing, and leaves approval to the workflow's approvers. Editors can still
draft and submit for moderation.
"""

from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

LEGAL_APPROVERS = "Legal approvers"
LEGAL_WORKFLOW = "法務承認"
LEGAL_TASK = "法務レビュー"


def is_legal_approver(user):
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=LEGAL_APPROVERS).exists()


class PolicyPublishRefused(Exception):
    """A policy revision was refused on its way live; `message` says why, in the user's language.

    Not a PermissionDenied: Wagtail's admin turns those into a generic "no access" redirect,
    and the editor must read why (policy.middleware shows `message`)."""

    def __init__(self, page, message):
        super().__init__(message)
        self.page_id = page.pk
        self.message = message


class PolicyPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        if self.page_is_root or not is_legal_approver(self.user):
            return False
        # Approvers publish policy pages without needing publish_page elsewhere in the tree.
        return True

    def can_publish_subpage(self):
        return False

    def can_unpublish(self):
        # The policy in force stays up (policy.wagtail_hooks refuses it too): not offered in
        # the action menu, the header menu or the listing.
        if self.page.live:
            return False
        return super().can_unpublish()


def ensure_legal_workflow():
    """The "Legal approval" workflow with its one group approval task (the data migration
    creates them; this keeps a database that lost them working)."""
    group, _ = Group.objects.get_or_create(name=LEGAL_APPROVERS)
    workflow, _ = Workflow.objects.get_or_create(name=LEGAL_WORKFLOW)
    task = GroupApprovalTask.objects.filter(name=LEGAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=LEGAL_TASK)
        task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_legal_workflow(page):
    """Every policy page, in every locale, goes through legal approval."""
    workflow = ensure_legal_workflow()
    WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})
