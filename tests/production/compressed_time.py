"""An app for the fault suite only: the outbox's delays in seconds instead of minutes.

The deployed worker and `retry_emails` timer (every 5 minutes) retry a failed email after 1, 2,
4 … minutes; the suite runs the same code with the same order of events, one second standing for
a minute, so that an outage of a few seconds exercises several retries and a claim that expires.
"""

from datetime import timedelta

from django.apps import AppConfig


class CompressedTime(AppConfig):
    name = "tests.production.compressed_time"
    label = "compressed_time"

    def ready(self):
        from home import outbox

        outbox.FIRST_DELAY = timedelta(seconds=1)
        outbox.LONGEST_DELAY = timedelta(seconds=8)
        outbox.CLAIM_EXPIRES = timedelta(seconds=20)
        outbox.CRON_GRACE = timedelta(seconds=5)
