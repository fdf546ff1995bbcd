"""The task worker for production: django-tasks' `db_worker`, kept alive through database outages.

`db_worker` exits on the first database error (a restart, a failover, a few seconds of network
trouble), and with it all email stops. This command runs the same worker loop and, when the
connection is lost, closes the broken connections and tries again after 1, 2, 4 … seconds (at most
`--max-delay`), logging one line per attempt. The systemd unit (deploy/) restarts it on any other
exit. A task cut off by the outage stays claimed; the outbox sends its email again once the claim
expires (home.outbox.CLAIM_EXPIRES), and still only once.
"""

import logging
import time

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

CONNECTION_ERRORS = (OperationalError, InterfaceError)
# A worker that ran this long since its last reconnection starts again from the shortest delay.
STABLE_SECONDS = 60


class ResilientWorker(Worker):
    def __init__(self, *, first_delay=1.0, max_delay=30.0, **kwargs):
        super().__init__(**kwargs)
        self.first_delay = first_delay
        self.max_delay = max_delay

    def run(self):
        delay = self.first_delay
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except CONNECTION_ERRORS as error:
                if time.monotonic() - started > STABLE_SECONDS:
                    delay = self.first_delay
                logger.warning(
                    "Database unavailable (%s); the worker tries again in %.0f s.",
                    type(error).__name__,
                    delay,
                )
                connections.close_all()
                time.sleep(delay)
                delay = min(delay * 2, self.max_delay)


class Command(DBWorkerCommand):
    help = "Run the database task worker, retrying with back-off while the database is down."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--max-delay", type=float, default=30.0)

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, **options):
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            max_delay=options["max_delay"],
        )
        worker.configure_signals()
        worker.run()
