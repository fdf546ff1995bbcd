"""Credits name people only through their creator record (issue 11) and roles are codes
translated with the page (issue 17).

Existing rows: a typed role becomes its code ("監督" and "Director" both become "director";
an unknown one "staff"). A typed name is kept only when it names an organisation (a company
form or a studio, label, records or pictures word in it), as that organisation; a typed person's
name had no consent record, so it cannot be shown, and it is deleted with its line (the demo
loader credits its people through consenting creators instead). The same is done to the
credits kept inside the works' revisions and wagtail-localize's copies of their source, so that
reverting to an old revision cannot bring a name back."""

import django.db.models.deletion
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models


ORGANISATION_WORDS = [
    "株式会社",
    "有限会社",
    "合同会社",
    "(株)",
    "（株）",
    "㈱",
    "inc",
    "ltd",
    "llc",
    "co.",
    "corp",
    "k.k.",
    "studio",
    "スタジオ",
    "records",
    "レコーズ",
    "レコード",
    "label",
    "レーベル",
    "pictures",
    "ピクチャーズ",
    "films",
    "フィルムズ",
    "productions",
    "プロダクション",
    "agency",
    "エージェンシー",
    "company",
    "カンパニー",
]


def is_organisation(name):
    folded = name.casefold()
    return any(word in folded for word in ORGANISATION_WORDS)


def converted(row):
    """The row as the new credit fields, or None when the line must go."""
    from works.roles import role_code

    row = dict(row)
    name = (row.pop("name", "") or "").strip()
    row["role"] = role_code(row.get("role") or "")
    if row.get("creator_page"):
        row["organisation"] = ""
        return row
    if name and is_organisation(name):
        row["organisation"] = name[:120]
        return row
    if row.get("organisation"):
        return row
    return None


def converted_content(content):
    """A serialised page (revision or translation source) with its credits converted."""
    credits = content.get("credits")
    if not isinstance(credits, list) or not any("name" in row for row in credits):
        return None
    content["credits"] = [row for row in map(converted, credits) if row is not None]
    return content


def convert(apps, schema_editor):
    import json

    WorkCredit = apps.get_model("works", "WorkCredit")
    for credit in WorkCredit.objects.all():
        row = converted(
            {
                "role": credit.role,
                "name": credit.name,
                "creator_page": credit.creator_page_id,
                "organisation": credit.organisation,
            }
        )
        if row is None:
            credit.delete()
            continue
        credit.role, credit.organisation = row["role"], row["organisation"]
        credit.name = ""
        credit.save(update_fields=["role", "organisation", "name"])

    ContentType = apps.get_model("contenttypes", "ContentType")
    work_type = ContentType.objects.filter(app_label="works", model="workpage").first()
    if work_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=work_type).iterator():
        content = converted_content(revision.content)
        if content is not None:
            Revision.objects.filter(pk=revision.pk).update(content=content)
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=work_type).iterator():
        content = converted_content(json.loads(source.content_json))
        if content is not None:
            TranslationSource.objects.filter(pk=source.pk).update(
                content_json=json.dumps(content, cls=DjangoJSONEncoder)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("works", "0006_japanese_labels_after_merge"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="workcredit",
            name="organisation",
            field=models.CharField(
                blank=True,
                help_text="Only for a studio, label or client, never a person. Leave empty when a creator is chosen.",
                max_length=120,
                verbose_name="organisation",
            ),
        ),
        migrations.RunPython(convert, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="workcredit",
            name="name",
        ),
        migrations.AlterField(
            model_name="workcredit",
            name="creator_page",
            field=models.ForeignKey(
                blank=True,
                help_text="A person: choose their creator profile. Their name is shown only while they consent to it; otherwise the whole line is hidden.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="creator",
            ),
        ),
        migrations.AlterField(
            model_name="workcredit",
            name="role",
            field=models.CharField(
                choices=[
                    ("director", "Director"),
                    ("producer", "Producer"),
                    ("screenplay", "Screenplay"),
                    ("cinematography", "Cinematography"),
                    ("editing", "Editing"),
                    ("ai_imagery", "AI imagery"),
                    ("vfx", "VFX"),
                    ("animation", "Animation"),
                    ("art_direction", "Art direction"),
                    ("music", "Music"),
                    ("sound", "Sound"),
                    ("cast", "Cast"),
                    ("production", "Production company"),
                    ("label", "Label"),
                    ("client", "Client"),
                    ("staff", "Staff"),
                ],
                max_length=32,
                verbose_name="role",
            ),
        ),
    ]
