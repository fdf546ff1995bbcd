"""The legal workflow and its task in Japanese: Wagtail shows a workflow's stored name in its
buttons and emails (「法務承認に提出する」)."""

from django.db import migrations

NAMES = {"Legal approval": "法務承認"}
TASK_NAMES = {"Legal review": "法務レビュー"}


def rename(apps, names, task_names):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for old, new in names.items():
        Workflow.objects.filter(name=old).update(name=new)
    for old, new in task_names.items():
        Task.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, NAMES, TASK_NAMES)


def backwards(apps, schema_editor):
    rename(apps, {v: k for k, v in NAMES.items()}, {v: k for k, v in TASK_NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [("policy", "0002_legal_approval")]

    operations = [migrations.RunPython(forwards, backwards)]
