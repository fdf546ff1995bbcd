"""Profiles that chose another time zone show the admin in Japan time again (home.admin_time)."""

from django.db import migrations


def forwards(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.exclude(current_time_zone="").update(current_time_zone="")


class Migration(migrations.Migration):
    dependencies = [("home", "0006_japanese_labels"), ("wagtailusers", "0015_userprofile_keyboard_shortcuts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
