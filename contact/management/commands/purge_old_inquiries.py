from django.core.management.base import BaseCommand

from contact.personal_data import purge_past_retention


class Command(BaseCommand):
    help = (
        "Delete business inquiries past the retention schedule's business_inquiries period "
        "(enforce_retention does this daily with every other rule)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {purge_past_retention()} inquiries past their retention.")
