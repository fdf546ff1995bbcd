"""The "Legal approvers" group and the "Legal approval" workflow that every policy page goes
through; who may read the (read-only) policy versions in the admin."""

from django.db import migrations

from home.groups import EDITORS, PRIVACY_OFFICERS, TRANSLATORS, grant, grant_pages

LEGAL_APPROVERS = "Legal approvers"
LEGAL_WORKFLOW = "Legal approval"
LEGAL_TASK = "Legal review"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    PolicyPage = apps.get_model("policy", "PolicyPage")

    approvers = grant(apps, LEGAL_APPROVERS, ["wagtailadmin.access_admin", "policy.view_policyversion"])
    # Approvers open and review pages; publishing policy pages is granted by the page's own
    # permission tester (policy.permissions), not by publish_page on the whole tree.
    grant_pages(apps, LEGAL_APPROVERS, ["change_page"])
    for group in (EDITORS, TRANSLATORS, PRIVACY_OFFICERS):
        grant(apps, group, ["policy.view_policyversion"])

    workflow, _ = Workflow.objects.get_or_create(name=LEGAL_WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=LEGAL_TASK).first()
    if task is None:
        # Historical models skip Task.__init__, which normally fills in the specific type.
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=LEGAL_TASK, active=True, content_type=content_type
        )
        task.groups.add(approvers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in PolicyPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("policy", "0001_initial"),
        ("home", "0003_admin_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
