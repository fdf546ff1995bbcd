"""Delete requests that were never confirmed: they hold a name, an email and details that nobody
proved were theirs, so they are kept no longer than needed (default: the retention schedule's
`privacy_requests_unconfirmed` period, which the daily `enforce_retention` also applies)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.personal_data import retention_days
from privacy_requests.retention import delete_requests, unconfirmed_requests


class Command(BaseCommand):
    help = (
        "Delete unconfirmed privacy requests older than --days "
        "(default: the retention schedule's privacy_requests_unconfirmed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days, **options):
        if days is None:
            days = retention_days("privacy_requests_unconfirmed")
        count = delete_requests(unconfirmed_requests(timezone.now() - timedelta(days=days)))
        self.stdout.write(f"Deleted {count} unconfirmed request(s).")
