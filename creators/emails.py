"""The emails about an entry: the studio is told, the creator gets the consent receipt.

Both are rendered and stored in the outbox in the transaction that stores the entry, and leave
after it commits (home.outbox); the outbox retries a failure by itself and sends each once.
"""

from django.conf import settings

from home import outbox

from .receipt import receipt_context


def queue_entry_emails(entry):
    if entry.suspended:
        return  # "do not contact": the officer sees the flag on the entry instead
    context = receipt_context(entry)
    # The studio reads Japanese; the entry's own language is stated inside.
    outbox.queue(
        "creators/email/studio_notification",
        context,
        to=settings.STUDIO_NOTIFY_EMAIL,
        language=settings.LANGUAGE_CODE,
        about=entry,
    )
    outbox.queue(
        "creators/email/receipt", context, to=entry.email, language=entry.language, about=entry
    )
