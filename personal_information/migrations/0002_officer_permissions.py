from django.db import migrations

from home.groups import PRIVACY_OFFICERS, grant


def grant_permissions(apps, schema_editor):
    # The person in charge of personal information keeps the security measures and the storage
    # countries up to date (the site settings themselves stay with administrators).
    grant(apps, PRIVACY_OFFICERS, ["personal_information.change_personalinformationsettings"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_admin_groups"),
        ("personal_information", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
