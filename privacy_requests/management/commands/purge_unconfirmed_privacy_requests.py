"""Delete requests that were never confirmed: they hold a name, an email and details that nobody
proved were theirs, so they are kept no longer than needed (default: 30 days after submission)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from privacy_requests.models import PrivacyRequest


class Command(BaseCommand):
    help = "Delete unconfirmed privacy requests older than --days (default 30)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days, **options):
        stale = PrivacyRequest.objects.filter(
            status=PrivacyRequest.Status.UNCONFIRMED,
            received_at__lt=timezone.now() - timedelta(days=days),
        )
        count, _ = stale.delete()
        self.stdout.write(f"Deleted {count} record(s) of unconfirmed requests.")
