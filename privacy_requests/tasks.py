"""Background sending of request emails (django-tasks). The row is stored before this runs."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone
from django_tasks import task


@task()
def send_request_email(email_id):
    """Send one stored email; record the outcome on its row instead of raising, so that a failure
    is visible to officers and can be retried from the admin or `retry_privacy_request_emails`."""
    from .models import RequestEmail

    email = RequestEmail.objects.select_related("privacy_request").filter(pk=email_id).first()
    if email is None or email.delivery == RequestEmail.Delivery.SENT or not email.to_address:
        return "skipped"
    RequestEmail.objects.filter(pk=email.pk).update(attempts=F("attempts") + 1)
    try:
        EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to_address],
        ).send()
    except Exception as error:  # noqa: BLE001  any transport error must be recorded, not lost
        RequestEmail.objects.filter(pk=email.pk).update(
            delivery=RequestEmail.Delivery.FAILED, last_error=repr(error)[:2000]
        )
        return "failed"
    changes = {"delivery": RequestEmail.Delivery.SENT, "sent_at": timezone.now(), "last_error": ""}
    if email.privacy_request.is_anonymised:
        # The last message to a person whose data was deleted: forget the address once sent.
        changes.update(to_address="", body="")
    RequestEmail.objects.filter(pk=email.pk).update(**changes)
    return "sent"
