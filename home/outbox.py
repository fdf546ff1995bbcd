"""The outbox: every email the site sends, rendered and stored when it is decided, sent after commit.

One mechanism for every app (entries, inquiries, privacy requests, incident notices):

- `queue()` renders the email in the recipient's language from `<app>/email/<name>_subject.txt`
  and `<app>/email/<name>.txt`, stores the row in the caller's transaction and enqueues
  `send_email` only when that transaction commits: nothing leaves before what it is about is stored.
- `deliver()` claims the row with a conditional UPDATE (queued or failed -> sending), so a row is
  sent by one worker once, however many tasks, retries and cron runs ask for it.
- A failed attempt is recorded (error masked) and scheduled again with back-off; after
  MAX_ATTEMPTS the row waits for an officer. `retry_emails` (cron) re-enqueues whatever is due,
  including rows whose task was lost with a dead worker.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.db.utils import InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tasks import task
from wagtail import hooks

from .masking import mask

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=6)
# A row claimed by a worker that died while sending becomes due again after this.
CLAIM_EXPIRES = timedelta(minutes=10)
# The first attempt is the task enqueued at commit; cron steps in only if it has not happened.
CRON_GRACE = timedelta(minutes=5)


def backoff(attempts):
    """The wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most six hours."""
    return min(FIRST_DELAY * 2 ** max(attempts - 1, 0), LONGEST_DELAY)


class OutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.exclude(delivery=OutboxEmail.Delivery.SENT).exclude(to_address="")

    def claimable(self, now):
        """Rows a task may take now: waiting, failed (an officer may force one), or abandoned."""
        waiting = Q(delivery__in=[OutboxEmail.Delivery.QUEUED, OutboxEmail.Delivery.FAILED])
        abandoned = Q(delivery=OutboxEmail.Delivery.SENDING, next_attempt_at__lte=now)
        return self.pending().filter(waiting | abandoned)

    def due(self, now=None):
        """What the cron job retries: rows whose next attempt time has come."""
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())

    def backlog(self, now=None):
        """Unsent email an officer should know about: failed, or waiting past the grace time."""
        now = now or timezone.now()
        late = Q(created_at__lt=now - CRON_GRACE)
        return self.pending().filter(late | Q(delivery=OutboxEmail.Delivery.FAILED))

    def about(self, objects):
        """The rows about these records (a queryset or list of one model)."""
        objects = list(objects)
        if not objects:
            return self.none()
        return self.filter(
            content_type=ContentType.objects.get_for_model(objects[0]),
            object_id__in=[str(obj.pk) for obj in objects],
        )


class OutboxEmail(models.Model):
    """One email, exactly as it was (or will be) sent."""

    class Delivery(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", pgettext_lazy("email delivery", "Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    template = models.CharField(_("kind of email"), max_length=100)
    content_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("about (kind of record)"),
    )
    object_id = models.CharField(
        _("about (record number)"), max_length=40, blank=True, db_index=True
    )
    about = GenericForeignKey("content_type", "object_id")
    to_address = models.EmailField(_("to"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"), blank=True)
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    forget_after_sending = models.BooleanField(
        _("forget after sending"),
        default=False,
        help_text=_("The person's data was erased: the address and text go once this is sent."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["delivery", "next_attempt_at"])]

    def __str__(self):
        return _("Email #%(number)s (%(delivery)s)") % {
            "number": self.pk,
            "delivery": self.get_delivery_display(),
        }

    @property
    def gave_up(self):
        return self.delivery == self.Delivery.FAILED and self.next_attempt_at is None


class EmailedRecord:
    """A record the site emails about (an entry, an inquiry), with an `emails` GenericRelation
    to OutboxEmail."""

    @property
    def notified(self):
        """Every email about it has left."""
        return not self.emails.exclude(delivery=OutboxEmail.Delivery.SENT).exists()


def render(template, context, language):
    """(subject, body) of `template` in `language`, times in Japan time."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def queue(template, context, *, to, language, about=None):
    """Store the email now; send it when the caller's transaction commits."""
    subject, body = render(template, context, language)
    now = timezone.now()
    email = OutboxEmail.objects.create(
        template=template,
        **({"about": about} if about is not None else {}),
        to_address=to,
        language=language,
        subject=subject,
        body=body,
        created_at=now,
        next_attempt_at=now + CRON_GRACE,
    )
    send_after_commit(email.pk)
    return email


def send_after_commit(email_id):
    """Enqueue the send once the caller's transaction commits. Robust: the row is committed
    whatever happens then; if the task cannot be enqueued (the database or the queue just went
    away) the retry timer sends it, and the person is still told that what they sent was kept."""
    # A lambda, not a partial: Django names a failed robust callback by its __qualname__.
    transaction.on_commit(lambda: send_email.enqueue(email_id), robust=True)


def queue_pair(folder, context, *, about):
    """A public form's two emails about what a person sent (`about`, a record with the sender's
    `email`, `language` and `suspended`): the studio is told, in the site's language (the
    sender's is stated inside), and the person gets a receipt in theirs. `folder` holds
    `studio_notification` and `receipt` (subject and body each).

    Nothing for an address under a suspension request ("do not contact"): the officer sees the
    flag on the record instead, and the visitor saw the same answer as anyone else."""
    if about.suspended:
        return []
    return [
        queue(
            f"{folder}/studio_notification",
            context,
            to=settings.STUDIO_NOTIFY_EMAIL,
            language=settings.LANGUAGE_CODE,
            about=about,
        ),
        queue(f"{folder}/receipt", context, to=about.email, language=about.language, about=about),
    ]


def retry(emails):
    """An officer's "retry": enqueue each unsent row now (after commit); returns how many."""
    ids = list(emails.pending().values_list("pk", flat=True))
    for pk in ids:
        send_after_commit(pk)
    return len(ids)


@task()
def send_email(email_id):
    return deliver(email_id)


def deliver(email_id):
    """Send one stored email once; record the outcome on the row rather than raise."""
    now = timezone.now()
    claimed = (
        OutboxEmail.objects.claimable(now)
        .filter(pk=email_id)
        .update(
            delivery=OutboxEmail.Delivery.SENDING,
            attempts=F("attempts") + 1,
            next_attempt_at=now + CLAIM_EXPIRES,
        )
    )
    if not claimed:
        return "skipped"  # sent already, being sent, or erased
    email = OutboxEmail.objects.get(pk=email_id)
    try:
        body = body_to_send(email)
        EmailMessage(email.subject, body, settings.DEFAULT_FROM_EMAIL, [email.to_address]).send()
    except Exception as error:  # noqa: BLE001  any transport error is recorded, never lost
        _record_failure(email, error)
        return "failed"
    changes = {"delivery": OutboxEmail.Delivery.SENT, "sent_at": timezone.now(), "last_error": ""}
    changes["next_attempt_at"] = None
    if email.forget_after_sending:
        changes.update(to_address="", body="")
    record_sent(email.pk, changes)
    return "sent"


def update_row(email_id, **changes):
    return OutboxEmail.objects.filter(pk=email_id).update(**changes)


def record_sent(email_id, changes):
    """The email has left: record it, waiting for the database if it went away meanwhile (a row
    left "sending" is sent again when its claim expires: the recipient would get it twice)."""
    give_up_at = time.monotonic() + CLAIM_EXPIRES.total_seconds() / 2  # before the claim expires
    delay = 0.5
    while True:
        try:
            return update_row(email_id, **changes)
        except (OperationalError, InterfaceError) as error:
            if time.monotonic() + delay > give_up_at:
                raise
            logger.warning("Outbox email %s sent; recording it when the database returns (%s)",
                           email_id, type(error).__name__)  # fmt: skip
            connection = connections[OutboxEmail.objects.db]
            if not connection.in_atomic_block:
                connection.close()  # reconnect on the next query
            time.sleep(delay)
            delay = min(delay * 2, 30)


def body_to_send(email):
    """The stored body, or what an app's `register_outbox_finisher` hook makes of it at the moment
    of sending: a secret (a single-use link's token) is put in then, never stored in the row."""
    for finishers in hooks.get_hooks("register_outbox_finisher"):
        finish = finishers().get(email.template)
        if finish is not None:
            return finish(email)
    return email.body


def _record_failure(email, error):
    error_text = mask(f"{type(error).__name__}: {error}")[:2000]
    retry_at = None
    if email.attempts < MAX_ATTEMPTS:
        retry_at = timezone.now() + backoff(email.attempts)
    changes = {
        "delivery": OutboxEmail.Delivery.FAILED,
        "last_error": error_text,
        "next_attempt_at": retry_at,
    }
    if retry_at is None and email.forget_after_sending:
        changes.update(to_address="", body="")  # given up: nothing left to send it for
    OutboxEmail.objects.filter(pk=email.pk).update(**changes)
    logger.warning(
        "Outbox email %s (%s): attempt %s failed: %s",
        email.pk,
        email.template,
        email.attempts,
        error_text,
    )


def blank(emails):
    """Erasure: the address, text and error go from every row, unsent ones too (never sent)."""
    return emails.update(to_address="", body="", last_error="")


def forget_after_sending(emails):
    """Erasure with a last message still to go (the "done" notice of a deletion request): what is
    finished is blanked now, what is still to be sent keeps its address until it is sent or the
    retries give up, and is blanked then."""
    finished = Q(delivery=OutboxEmail.Delivery.SENT) | Q(
        delivery=OutboxEmail.Delivery.FAILED, next_attempt_at__isnull=True
    )
    blanked = blank(emails.filter(finished))
    return blanked + emails.exclude(finished).update(forget_after_sending=True, last_error="")
