from django.db import migrations

from home.groups import PRIVACY_OFFICERS, grant


def grant_permissions(apps, schema_editor):
    # The incident register is the privacy officer's: it names the people affected.
    # Nobody deletes an incident (the register is evidence of how it was handled).
    grant(
        apps,
        PRIVACY_OFFICERS,
        [
            "incidents.view_incident",
            "incidents.add_incident",
            "incidents.change_incident",
            "incidents.view_affectedperson",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_admin_groups"),
        ("incidents", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
