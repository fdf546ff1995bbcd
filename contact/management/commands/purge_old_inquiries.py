from django.core.management.base import BaseCommand

from contact.personal_data import purge_past_retention


class Command(BaseCommand):
    help = "Delete business inquiries kept longer than CONTACT_INQUIRY_RETENTION_DAYS (daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {purge_past_retention()} inquiries past their retention.")
