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
            # "view_requestemail" was granted here until the request emails moved to the site's
            # one outbox (0006; home 0011 grants the outbox): permissions are made from the
            # current models, so a grant of the removed model's cannot run on a new database.
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy_requests", "0001_initial"),
        ("home", "0003_admin_groups"),
    ]

    operations = [migrations.RunPython(grant_officers, migrations.RunPython.noop)]
