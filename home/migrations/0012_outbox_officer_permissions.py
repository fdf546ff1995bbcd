from django.db import migrations

from home.groups import PRIVACY_OFFICERS, grant


def grant_officers(apps, schema_editor):
    # The outbox holds addresses and texts: only the privacy role sees and retries it.
    grant(apps, PRIVACY_OFFICERS, ["home.view_outboxemail", "home.change_outboxemail"])


class Migration(migrations.Migration):
    dependencies = [("home", "0011_outbox"), ("home", "0003_admin_groups")]

    operations = [migrations.RunPython(grant_officers, migrations.RunPython.noop)]
