"""Introductions of creators to clients: provisions of personal data to a third party.

APPI Art. 29 asks for a record of every provision (to whom, when, whose data, which items, and the
consent it rests on), kept for the legal period (Enforcement Rules Art. 21: three years), and
Art. 33(5) lets the person see those records. A record is append-only: it cannot be edited or
deleted by anyone, and it cannot be made without a consent in force (checked in `save`, so every
path that creates one goes through the check). An erasure request keeps the record for its legal
period without the person's identity; the retention job deletes it when the period ends.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.append_only import AppendOnlyModel, AppendOnlyQuerySet

from ..choices import INTRODUCE, INTRODUCE_ONCE, PROVIDED_ITEM_CHOICES
from .records import Consent, Creator


class ProvisionQuerySet(AppendOnlyQuerySet):
    def _expire(self):
        """The retention job only: the legal period is over."""
        return models.QuerySet.delete(self)


def introduction_consent_in_force(creator, at=None):
    """The creator's latest standing consent record to introductions, if it is a "given" one."""
    latest = (
        Consent.objects.filter(creator=creator, what=INTRODUCE, at__lte=at or timezone.now())
        .order_by("-at", "-pk")
        .first()
    )
    return latest if latest and latest.given else None


class ThirdPartyProvision(AppendOnlyModel):
    creator = models.ForeignKey(
        Creator,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="provisions",
        verbose_name=_("creator"),
    )
    person_name = models.CharField(
        _("person"),
        max_length=100,
        blank=True,
        help_text=_("The creator's name when the record was made; blanked by an erasure."),
    )
    provided_on = models.DateField(_("date of the introduction"))
    recipient = models.CharField(
        _("recipient"), max_length=200, help_text=_("The client's company or name.")
    )
    recipient_address = models.CharField(
        _("recipient's address"),
        max_length=250,
        blank=True,
        help_text=_("For a company: its address and representative."),
    )
    items = models.JSONField(_("items given"), default=list)
    consent = models.ForeignKey(
        Consent,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consent relied on"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("introduction to a client")
        verbose_name_plural = _("introductions to clients")
        ordering = ["-provided_on", "-pk"]

    def __str__(self):
        return _("Introduction #%(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        self.clean()
        if not self.person_name:
            self.person_name = self.creator.stage_name or self.creator.name
        super().save(*args, **kwargs)

    def clean(self):
        valid = {key for key, _label in PROVIDED_ITEM_CHOICES}
        if not self.items or not set(self.items) <= valid:
            raise ValidationError({"items": _("Choose the items given to the client.")})
        consent = self.consent if self.consent_id else None
        if self.creator_id is None or consent is None:
            raise ValidationError(_("An introduction needs the creator and their consent."))
        if consent.creator_id != self.creator_id or not consent.given:
            raise ValidationError(_("The consent is not this creator's consent to introductions."))
        if consent.what == INTRODUCE:
            if introduction_consent_in_force(self.creator) != consent:
                raise ValidationError(
                    _("The creator's standing consent to introductions is not in force.")
                )
        elif consent.what != INTRODUCE_ONCE or self._consent_used_before():
            raise ValidationError(_("The consent is not this creator's consent to introductions."))
        if Creator.objects.filter(pk=self.creator_id, suspended=True).exists():
            raise ValidationError(_("This creator asked us to stop using their data."))

    def item_labels(self):
        labels = dict(PROVIDED_ITEM_CHOICES)
        return [str(labels.get(item, item)) for item in self.items]

    def _consent_used_before(self):
        return ThirdPartyProvision.objects.filter(consent=self.consent).exists()
