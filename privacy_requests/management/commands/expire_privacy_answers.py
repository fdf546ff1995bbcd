"""Delete the files of released answers whose links have expired (run it hourly from a timer)."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.log_actions import log

from privacy_requests.models import Answer


class Command(BaseCommand):
    help = "Delete the files behind expired answer links; the record of the release stays."

    def handle(self, *args, **options):
        now = timezone.now()
        count = 0
        for answer in Answer.objects.expired(now).select_related("privacy_request"):
            answer.delete_file(now)
            log(
                answer.privacy_request,
                "privacy_requests.answer_expired",
                data={"answer": answer.pk},
            )
            count += 1
        self.stdout.write(f"Deleted {count} expired answer file(s).")
