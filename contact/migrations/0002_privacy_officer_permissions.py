from django.db import migrations

from home.groups import PRIVACY_OFFICERS, grant


def grant_officers(apps, schema_editor):
    # Inquiries hold contact details: only the Privacy officers group reads them.
    grant(apps, PRIVACY_OFFICERS, ["contact.view_inquiry", "contact.change_inquiry"])


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("home", "0003_admin_groups"),
    ]

    operations = [migrations.RunPython(grant_officers, migrations.RunPython.noop)]
