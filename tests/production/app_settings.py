"""Production settings (studio.settings.production, from the environment as deployed) for the
servers the production tests and `make faults` start: gunicorn, the task worker, the timers' jobs.

Two changes, both for loopback: static files are served from the finders (production's storage
needs the manifest `collectstatic` writes, minutes of work here, and no test reads a static
name); and the entry form's rate limit is read from ENTRY_RATE_LIMIT (posts per hour).
With COMPRESSED_TIME set, the outbox's clocks run in seconds instead of minutes
(tests/production/compressed_time.py), so a fault suite sees the retries the timers make.
"""

import os

from studio.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
CREATORS_ENTRY_RATE_LIMIT = (int(os.environ.get("ENTRY_RATE_LIMIT", "10")), 3600)
if os.environ.get("COMPRESSED_TIME"):
    INSTALLED_APPS = [*INSTALLED_APPS, "tests.production.compressed_time.CompressedTime"]  # noqa: F405
