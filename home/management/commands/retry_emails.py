"""Send again every email whose next attempt is due (cron or a systemd timer, every few minutes).

It enqueues the tasks; with a task worker running they are sent by the worker, so this command
says how many it queued and how many of those are already sent, never "sent" for a queued one.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.outbox import OutboxEmail, send_email


class Command(BaseCommand):
    help = "Enqueue every unsent email whose next attempt is due (back-off after each failure)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what is due; enqueue nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        due = OutboxEmail.objects.due(timezone.now())
        ids = list(due.values_list("pk", flat=True))
        if dry_run:
            self.stdout.write(f"{len(ids)} email(s) due; nothing queued (dry run).")
            return
        # The rows are committed already: enqueue at once (`outbox.retry` waits for a commit).
        for pk in ids:
            send_email.enqueue(pk)
        queued = len(ids)
        rows = OutboxEmail.objects.filter(pk__in=ids)
        sent = rows.filter(delivery=OutboxEmail.Delivery.SENT).count()
        failed = rows.filter(delivery=OutboxEmail.Delivery.FAILED).count()
        waiting = queued - sent - failed
        self.stdout.write(
            f"{queued} email(s) due and queued: {sent} sent so far, {failed} failed again, "
            f"{waiting} waiting for the task worker."
        )
