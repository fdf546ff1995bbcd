"""Queue every failed privacy-request email again (run from cron next to the task worker)."""

from django.core.management.base import BaseCommand

from privacy_requests import emails
from privacy_requests.models import RequestEmail


class Command(BaseCommand):
    help = "Retry privacy-request emails whose delivery failed."

    def handle(self, *args, **options):
        failed = list(RequestEmail.objects.filter(delivery=RequestEmail.Delivery.FAILED))
        for email in failed:
            emails.retry(email)
        still_failed = RequestEmail.objects.filter(
            pk__in=[email.pk for email in failed], delivery=RequestEmail.Delivery.FAILED
        ).count()
        self.stdout.write(f"Retried {len(failed)} email(s); {still_failed} still failing.")
