"""Retention rules for data that no privacy request reaches by email address: sessions, the
results of background tasks, and the audit log's details about people who were erased.

Registered with the `register_retention_rules` hook (home.wagtail_hooks); the daily job
(`manage.py enforce_retention`) applies them with every personal-data handler's own rules.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from .personal_data import RetentionRule, covered_models

ERASED_MARK = "details_erased"


def session_days():
    return settings.SESSION_COOKIE_AGE // 86400


def expired_sessions(cutoff):
    # A session expires SESSION_COOKIE_AGE after its last use, i.e. when that use is before cutoff.
    return Session.objects.filter(
        expire_date__lt=cutoff + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    )


def finished_task_results(cutoff):
    return DBTaskResult.objects.filter(finished_at__lt=cutoff)


def delete_all(queryset):
    count, _ = queryset.delete()
    return count


def log_entries_of_erased_people(cutoff):
    """Audit-log entries about a personal-data record that no longer exists, not yet blanked."""
    entries = ModelLogEntry.objects.none()
    for model in covered_models():
        existing = model._default_manager.annotate(key=Cast("pk", CharField())).values("key")
        entries = entries | ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), timestamp__lt=cutoff
        ).exclude(object_id__in=existing)
    return entries.exclude(data__has_key=ERASED_MARK)


def blank_log_details(entries):
    """Who did what and when stays (accountability); the label and the details go."""
    count = 0
    for entry in entries:
        entry.label = f"#{entry.object_id}"
        entry.data = {ERASED_MARK: True}
        entry.save(update_fields=["label", "data"])
        count += 1
    return count


def retention_rules():
    return [
        RetentionRule(
            name="sessions",
            description=_(
                "Sessions (admin logins, the entry form's thank-you page): deleted "
                "when they expire, %(days)s days after the last visit."
            ),
            due=expired_sessions,
            apply=delete_all,
            days=session_days,
        ),
        RetentionRule(
            name="task_results",
            description=_(
                "Results of background tasks (sending emails): deleted %(days)s days "
                "after they finished."
            ),
            due=finished_task_results,
            apply=delete_all,
        ),
        RetentionRule(
            name="audit_log_of_erased_people",
            description=_(
                "Audit log about people whose data was erased: names and details "
                "blanked %(days)s days after the entry; who acted and when stays."
            ),
            due=log_entries_of_erased_people,
            apply=blank_log_details,
        ),
    ]
