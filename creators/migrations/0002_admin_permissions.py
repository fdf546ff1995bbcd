from django.db import migrations

from home.groups import EDITORS, PRIVACY_OFFICERS, grant

OFFICER_PERMISSIONS = [
    "creators.view_creator",
    "creators.change_creator",
    "creators.delete_creator",
    "creators.view_entry",
    "creators.change_entry",
    "creators.delete_entry",
    "creators.convert_entry",
    "creators.view_consent",
    "creators.add_consent",
]


def grant_permissions(apps, schema_editor):
    # Privacy officers alone see contact details; Editors may only turn entries into profiles
    # (a screen without contact details) and edit pages through their page permissions.
    grant(apps, PRIVACY_OFFICERS, OFFICER_PERMISSIONS)
    grant(apps, EDITORS, ["creators.convert_entry"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_admin_groups"),
        ("creators", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
