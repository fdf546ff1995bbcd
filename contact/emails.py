"""The emails about an inquiry: the studio is told, the sender gets a receipt.

Stored in the outbox with the inquiry, sent after it commits, retried by the outbox (home.outbox).
"""

from django.conf import settings

from home import outbox

from .receipt import receipt_context


def queue_inquiry_emails(inquiry):
    if inquiry.suspended:
        return  # "do not contact": the officer sees the flag on the inquiry instead
    context = receipt_context(inquiry)
    outbox.queue(
        "contact/email/studio_notification",
        context,
        to=settings.STUDIO_NOTIFY_EMAIL,
        language=settings.LANGUAGE_CODE,
        about=inquiry,
    )
    outbox.queue(
        "contact/email/receipt", context, to=inquiry.email, language=inquiry.language, about=inquiry
    )
