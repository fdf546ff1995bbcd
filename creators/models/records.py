"""The people behind the entries: their data, their entries and the evidence of their consent.

Only the Privacy officers group sees these records in the admin. Public pages (creators.models.pages)
read them through `creators.consent`, which returns only the fields whose publishing consent is
in force at the moment of the request.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.append_only import AppendOnlyModel
from home.outbox import EmailedRecord

from ..choices import (
    CONSENT_HOW_CHOICES,
    CONSENT_WHAT_CHOICES,
    LANGUAGE_CHOICES,
    expertise_labels,
)


class PersonalFields(models.Model):
    """What the entry form collects (privacy policy Article 3.8), shared by Entry and Creator."""

    name = models.CharField(_("name"), max_length=100)
    stage_name = models.CharField(_("stage name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    expertise = models.JSONField(_("areas of expertise"), default=list, blank=True)
    expertise_other = models.CharField(_("other expertise"), max_length=200, blank=True)
    portfolio_url = models.URLField(_("portfolio URL"), max_length=500)
    ai_tools = models.JSONField(_("available AI tools"), default=list, blank=True)
    ai_tools_other = models.CharField(_("other AI tools"), max_length=200, blank=True)
    achievements = models.TextField(_("past achievements"), max_length=3000, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    suspended = models.BooleanField(
        _("do not contact"),
        default=False,
        help_text=_("Set by a suspension request: nothing is shown and nobody is contacted."),
    )

    class Meta:
        abstract = True

    def expertise_labels(self):
        return expertise_labels(self.expertise, self.expertise_other)

    def ai_tool_names(self):
        return [*self.ai_tools, *([self.ai_tools_other] if self.ai_tools_other else [])]


# The entry form's fields as one list, for copying, exporting and erasing them together.
PERSONAL_FIELDS = [field.name for field in PersonalFields._meta.fields if field.name != "suspended"]


class Creator(PersonalFields):
    """A person the studio works with; created from an entry by an editor or officer."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("creator")
        verbose_name_plural = _("creators")
        ordering = ["-created_at"]

    def __str__(self):
        # Deliberately not the name: this string appears in choosers, logs and page panels that
        # people without the privacy role can see.
        return _("Creator #%(number)s") % {"number": self.pk}


class Entry(EmailedRecord, PersonalFields):
    """One submission of the entry form, stored exactly as sent, before any email goes out."""

    creator = models.ForeignKey(
        Creator,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("creator"),
    )
    message = models.TextField(_("message"), max_length=3000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    # The studio's notice and the receipt, in the site's one outbox (home.outbox).
    emails = GenericRelation("home.OutboxEmail", related_query_name="creator_entry")
    declined_at = models.DateTimeField(
        _("declined"),
        null=True,
        blank=True,
        help_text=_("Set when the studio declines the entry: it is then kept only briefly."),
    )

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("convert_entry", _("Can turn an entry into a creator and a draft profile")),
        ]

    def __str__(self):
        return _("Entry #%(number)s") % {"number": self.pk}

    @property
    def last_email_error(self):
        return "\n".join(e.last_error for e in self.emails.exclude(last_error=""))


class Consent(AppendOnlyModel):
    """One piece of evidence that a person gave or withdrew a consent (append-only).

    The current state of a consent is its latest record. `wording` is the exact sentence the
    person saw (shown back to them in a disclosure) and `wording_sha256` its hash, which proves
    it unchanged; records made before the text was kept get it back from the hash
    (creators.consent.shown_wording).
    """

    creator = models.ForeignKey(
        Creator,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
        verbose_name=_("creator"),
    )
    entry = models.ForeignKey(
        Entry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
        verbose_name=_("entry"),
    )
    what = models.CharField(_("what"), max_length=32, choices=CONSENT_WHAT_CHOICES)
    given = models.BooleanField(_("given"), help_text=_("False records a withdrawal or refusal."))
    at = models.DateTimeField(_("when"), db_index=True)
    how = models.CharField(_("how"), max_length=16, choices=CONSENT_HOW_CHOICES)
    language = models.CharField(_("language shown"), max_length=8, choices=LANGUAGE_CHOICES)
    wording_sha256 = models.CharField(_("SHA-256 of the wording shown"), max_length=64)
    wording = models.TextField(
        _("wording shown"),
        blank=True,
        help_text=_("The exact sentence the person saw; its SHA-256 is kept beside it as proof."),
    )
    policy_version = models.ForeignKey(
        "policy.PolicyVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("policy version in force"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["at", "pk"]

    def __str__(self):
        state = _("given") if self.given else _("withdrawn")
        return f"{self.get_what_display()}: {state}"
