from django.db import migrations

from home.groups import PRIVACY_OFFICERS, grant


def grant_officers(apps, schema_editor):
    # The admin also checks membership of the group itself (privacy_requests/permissions.py).
    grant(
        apps,
        PRIVACY_OFFICERS,
        [
            "privacy_requests.view_privacyrequest",
            "privacy_requests.change_privacyrequest",
            "privacy_requests.view_requestemail",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy_requests", "0001_initial"),
        ("home", "0003_admin_groups"),
    ]

    operations = [migrations.RunPython(grant_officers, migrations.RunPython.noop)]
