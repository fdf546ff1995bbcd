"""The workflows the admin groups actually staff, named in Japanese (the admin is used in
Japanese, and Wagtail shows a workflow's name as stored: 「編集部承認に提出する」).

Wagtail's own "Moderators approval" workflow waits on the "Moderators" group, which this site
never staffs; every page but the policy goes through the Editors' review instead (Translators
submit there; Editors approve or publish directly). The policy keeps its legal workflow
(policy.permissions), which its pages are assigned explicitly.
"""

from home.groups import EDITORS

EDITORIAL_WORKFLOW = "編集部承認"
EDITORIAL_TASK = "編集部レビュー"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def set_up_editorial_workflow(apps):
    """Used by the data migration: rename Wagtail's default workflow and give its task to the
    Editors, or create both on a database that lost them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    workflow = (
        Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        or Workflow.objects.filter(name=EDITORIAL_WORKFLOW).first()
        or Workflow.objects.create(name=EDITORIAL_WORKFLOW, active=True)
    )
    workflow.name = EDITORIAL_WORKFLOW
    workflow.active = True
    workflow.save()

    task = (
        GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        or GroupApprovalTask.objects.filter(name=EDITORIAL_TASK).first()
    )
    if task is None:
        # Historical models skip Task.__init__, which normally fills in the specific type.
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=EDITORIAL_TASK, active=True, content_type=content_type
        )
    task.name = EDITORIAL_TASK
    task.active = True
    task.save()
    task.groups.set([editors])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
