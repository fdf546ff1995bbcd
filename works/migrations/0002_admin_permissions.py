from django.db import migrations

from home.groups import EDITORS, TRANSLATORS, grant

SNIPPETS = ["aitool", "workcategory"]


def grant_permissions(apps, schema_editor):
    grant(
        apps,
        EDITORS,
        [f"works.{action}_{model}" for model in SNIPPETS for action in ("add", "change", "delete")],
    )
    grant(apps, TRANSLATORS, [f"works.change_{model}" for model in SNIPPETS])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_admin_groups"),
        ("works", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
