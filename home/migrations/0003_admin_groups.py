from django.db import migrations

from home.groups import (
    EDITORS,
    PRIVACY_OFFICERS,
    TRANSLATORS,
    grant,
    grant_collections,
    grant_pages,
)


def create_groups(apps, schema_editor):
    grant(apps, EDITORS, ["wagtailadmin.access_admin"])
    grant_pages(apps, EDITORS, ["add_page", "change_page", "publish_page"])
    grant_collections(
        apps,
        EDITORS,
        ["wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image"],
    )
    grant(apps, TRANSLATORS, ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"])
    grant_pages(apps, TRANSLATORS, ["add_page", "change_page"])
    grant_collections(apps, TRANSLATORS, ["wagtailimages.choose_image"])
    grant(apps, PRIVACY_OFFICERS, ["wagtailadmin.access_admin"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_pages"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
