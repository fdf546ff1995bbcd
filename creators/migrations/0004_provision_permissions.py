from django.db import migrations

from home.groups import PRIVACY_OFFICERS, grant


def grant_permissions(apps, schema_editor):
    # Introductions carry contact details: the Privacy officers record and read them.
    grant(
        apps,
        PRIVACY_OFFICERS,
        ["creators.view_thirdpartyprovision", "creators.add_thirdpartyprovision"],
    )


class Migration(migrations.Migration):
    dependencies = [("creators", "0003_provisions_declined_entries")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
