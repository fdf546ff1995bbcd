"""The request emails move into the site's one outbox (home.OutboxEmail), history included."""

from django.db import migrations

TEMPLATES = {
    "confirmation": "privacy_requests/email/confirmation",
    "status": "privacy_requests/email/status",
    "fee": "privacy_requests/email/status",
    "answer": "privacy_requests/email/answer",
    "notify_studio": "privacy_requests/email/notify_studio",
}


def move_to_outbox(apps, schema_editor):
    RequestEmail = apps.get_model("privacy_requests", "RequestEmail")
    if not RequestEmail.objects.exists():
        return
    OutboxEmail = apps.get_model("home", "OutboxEmail")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="privacy_requests", model="privacyrequest"
    )
    OutboxEmail.objects.bulk_create(
        OutboxEmail(
            template=TEMPLATES.get(email.purpose, email.purpose),
            content_type=content_type,
            object_id=str(email.privacy_request_id),
            to_address=email.to_address,
            language=email.language,
            subject=email.subject,
            body=email.body,
            # A failed email is retried by the outbox: due at once.
            delivery=email.delivery,
            attempts=email.attempts,
            next_attempt_at=None if email.delivery == "sent" else email.created_at,
            last_error=email.last_error,
            created_at=email.created_at,
            sent_at=email.sent_at,
        )
        for email in RequestEmail.objects.all()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy_requests", "0005_answer_labels"),
        ("home", "0011_outbox"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(move_to_outbox, migrations.RunPython.noop),
        migrations.DeleteModel(name="RequestEmail"),
    ]
