from django.db import migrations

from home.workflows import set_up_editorial_workflow


def forwards(apps, schema_editor):
    set_up_editorial_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_sitesettings_representative"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
