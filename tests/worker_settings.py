"""Settings for the task worker started by tests/home/test_worker.py: the test settings with the
database task backend production uses, and email written to files the test can count."""

import os

from studio.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("WORKER_TEST_MAIL_DIR", "/tmp/worker-test-mail")
