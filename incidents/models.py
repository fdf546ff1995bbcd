"""The register of personal-data incidents (leaks, loss, damage), kept by the privacy officer.

APPI Art. 26 and the Enforcement Rules Art. 8: a report to the commission "promptly" (a
preliminary report, in practice within 3 to 5 days of finding out) and a final report within
30 days, 60 when the leak was caused by a malicious act; and a notice to each person affected.
The clocks run from `found_at` and are shown on the admin dashboard until the reports are filed.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PRELIMINARY_TARGET_DAYS = 3
PRELIMINARY_DEADLINE_DAYS = 5
FINAL_DAYS = 30
FINAL_DAYS_MALICIOUS = 60


class IncidentQuerySet(models.QuerySet):
    def reports_pending(self):
        return self.filter(
            models.Q(preliminary_reported_at__isnull=True)
            | models.Q(final_reported_at__isnull=True)
        )


class Incident(models.Model):
    found_at = models.DateTimeField(_("found at"), help_text=_("When the studio found out."))
    what_happened = models.TextField(_("what happened"))
    records_affected = models.TextField(
        _("records affected"), blank=True, help_text=_("Which data and systems, how many records.")
    )
    malicious = models.BooleanField(
        _("caused by a malicious act"),
        default=False,
        help_text=_("Unauthorised access or theft: the final report is then due in 60 days."),
    )
    preliminary_reported_at = models.DateTimeField(
        _("preliminary report filed"), null=True, blank=True
    )
    final_reported_at = models.DateTimeField(_("final report filed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = IncidentQuerySet.as_manager()

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-found_at"]

    def __str__(self):
        return _("Incident #%(number)s") % {"number": self.pk}

    def preliminary_target(self):
        return self.found_at + timedelta(days=PRELIMINARY_TARGET_DAYS)

    def preliminary_deadline(self):
        return self.found_at + timedelta(days=PRELIMINARY_DEADLINE_DAYS)

    def final_deadline(self):
        days = FINAL_DAYS_MALICIOUS if self.malicious else FINAL_DAYS
        return self.found_at + timedelta(days=days)

    def clocks(self, now=None):
        """[(label, due, filed_at, overdue)] for the dashboard."""
        now = now or timezone.now()
        return [
            (
                _("Preliminary report"),
                self.preliminary_deadline(),
                self.preliminary_reported_at,
                not self.preliminary_reported_at and now > self.preliminary_deadline(),
            ),
            (
                _("Final report"),
                self.final_deadline(),
                self.final_reported_at,
                not self.final_reported_at and now > self.final_deadline(),
            ),
        ]


class AffectedPerson(models.Model):
    """A person whose data the incident touched, found by email through the registry."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="people", verbose_name=_("incident")
    )
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="ja")
    records = models.JSONField(
        _("records held"), default=dict, help_text=_("Rows per table, from the registry.")
    )
    # The notice (and its delivery) in the site's one outbox (home.outbox).
    notices = GenericRelation("home.OutboxEmail", related_query_name="affected_person")
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("person affected")
        verbose_name_plural = _("people affected")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "email"],
                condition=~models.Q(email=""),
                name="incidents_one_row_per_person",
            )
        ]

    def __str__(self):
        return _("Person affected #%(number)s") % {"number": self.pk}

    @property
    def notice(self):
        return self.notices.order_by("-pk").first()
