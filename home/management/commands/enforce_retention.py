"""The daily retention job: erase or anonymise every record whose retention period is over.

Idempotent (a record it has handled is no longer due), safe to run at any time, and quiet about
people: it prints and logs the number of records per rule, never what they held.
Run it daily (cron or the systemd timer in deploy/); `--dry-run` lists what is due and touches
nothing.
"""

import logging

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from home.personal_data import retention_rules

logger = logging.getLogger("home.retention")


class Command(BaseCommand):
    help = "Erase or anonymise the personal data whose retention period is over."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what is due; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        for rule in retention_rules():
            due = rule.due_records(now)
            if dry_run:
                count = due.count()
                self.stdout.write(f"{rule.name}: {count} due (dry run, nothing changed)")
            else:
                with transaction.atomic():
                    count = rule.apply(due)
                self.stdout.write(f"{rule.name}: {count} erased or anonymised")
            logger.info("retention %s: %s %s", rule.name, count, "due" if dry_run else "handled")
