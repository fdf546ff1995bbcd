"""Creator pages leave the site search (their titles are internal labels): drop the index
entries they already have. Rebuilding the index would do the same; this needs no command."""

from django.db import migrations


def drop_index_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    content_type = ContentType.objects.filter(app_label="creators", model="creatorpage").first()
    if content_type is not None:
        IndexEntry.objects.filter(content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("creators", "0006_consent_wording"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(drop_index_entries, migrations.RunPython.noop)]
