"""Privacy requests (Articles 5-7 of the policy); their emails are in the outbox (home.outbox).

A request holds the requester's name, email and details only while it is being handled. When the
person's data is deleted, every request of that email is anonymised: name, email, details and notes
are blanked, and what stays is the kind, the dates, the outcome and a keyed hash of the email
(`email_digest`). The hash is an HMAC under the site's SECRET_KEY, so without the server's secret it
cannot be reversed or matched against a list of guessed addresses; with it, the studio can still
answer "we deleted your data on ..." when the same person writes again.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DEFAULT_DUE_DAYS = 14


def due_days():
    return int(getattr(settings, "PRIVACY_REQUEST_DUE_DAYS", DEFAULT_DUE_DAYS))


def email_digest(email):
    normalised = (email or "").strip().lower()
    return salted_hmac("privacy_requests.email", normalised, algorithm="sha256").hexdigest()


class PrivacyRequestQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email_digest=email_digest(email))

    def active(self):
        return self.filter(status__in=PrivacyRequest.ACTIVE_STATUSES)

    def overdue(self, now=None):
        return self.active().filter(due_at__lt=now or timezone.now())

    def officer_queue(self, now=None):
        """Overdue first, then the earliest due; unconfirmed and closed ones last."""
        now = now or timezone.now()
        return self.annotate(
            queue_rank=Case(
                When(Q(status__in=PrivacyRequest.ACTIVE_STATUSES, due_at__lt=now), then=Value(0)),
                When(status__in=PrivacyRequest.ACTIVE_STATUSES, then=Value(1)),
                When(status=PrivacyRequest.Status.UNCONFIRMED, then=Value(2)),
                default=Value(3),
                output_field=models.IntegerField(),
            )
        ).order_by("queue_rank", "due_at", "-received_at")


class PrivacyRequest(models.Model):
    class Kind(models.TextChoices):
        DISCLOSURE = "disclosure", _("Disclosure of my personal data (Article 5)")
        CORRECTION = "correction", _("Correction or addition (Article 6)")
        DELETION = "deletion", _("Deletion of incorrect data (Article 6)")
        SUSPENSION = "suspension", _("Suspension of use or erasure (Article 7)")
        PURPOSE_NOTICE = "purpose_notice", _("Notice of the purposes of use")
        STOP_PROVISION = "stop_provision", _("Stop providing my data to third parties")
        PROVISION_RECORDS = (
            "provision_records",
            _("Disclosure of the records of provision to third parties"),
        )
        OTHER = "other", _("Other inquiry")

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")
        OPEN = "open", _("Open")
        WAITING_FOR_FEE = "waiting_for_fee", _("Waiting for fee")
        IN_PROGRESS = "in_progress", pgettext_lazy("privacy request", "In progress")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")

    class Delivery(models.TextChoices):
        ELECTRONIC = "electronic", _("Electronically (a download link by email)")
        POST = "post", _("In writing (by post)")

    class RefusalGround(models.TextChoices):
        HARM = (
            "harm",
            _(
                "Article 5 (1): it could harm the life, body, property or other rights and interests "
                "of the person or a third party"
            ),
        )
        BUSINESS = (
            "business",
            _("Article 5 (2): it could seriously impede the proper conduct of our business"),
        )
        LAW = "law", _("Article 5 (3): it would violate laws and regulations")
        NOT_APPLICABLE = (
            "not_applicable",
            _("The conditions of the policy article for this kind of request are not met"),
        )

    class Fee(models.TextChoices):
        NOT_REQUIRED = "not_required", _("Not required")
        PENDING = "pending", _("Pending payment")
        PAID = "paid", _("Paid")
        WAIVED = "waived", _("Waived")

    # Article 5's fee (home.personal_data.disclosure_fee_yen): the disclosures, of the data and
    # of the provision records.
    FEE_KINDS = (Kind.DISCLOSURE, Kind.PROVISION_RECORDS)
    ACTIVE_STATUSES = (Status.OPEN, Status.WAITING_FOR_FEE, Status.IN_PROGRESS)
    CLOSED_STATUSES = (Status.DONE, Status.REFUSED)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        pgettext_lazy("privacy request", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    email_digest = models.CharField(max_length=64, db_index=True, editable=False)
    details = models.TextField(_("details"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="ja")
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    confirmation_nonce = models.CharField(max_length=32, blank=True, editable=False)
    fee_status = models.CharField(
        _("fee"), max_length=20, choices=Fee.choices, default=Fee.NOT_REQUIRED
    )
    delivery = models.CharField(
        _("answer delivered"),
        max_length=12,
        choices=Delivery.choices,
        default=Delivery.ELECTRONIC,
        help_text=_("How the requester asked to receive a disclosure (APPI Article 33)."),
    )
    fee_settled_at = models.DateTimeField(_("fee settled"), null=True, blank=True)
    refusal_ground = models.CharField(
        _("ground for refusal"), max_length=20, choices=RefusalGround.choices, blank=True
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    officer_note = models.TextField(_("officer's note"), blank=True)
    outcome = models.JSONField(
        _("outcome"), default=dict, blank=True, help_text=_("Records touched, per data holder.")
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # Every email about the request, in the site's one outbox (home.outbox).
    emails = GenericRelation("home.OutboxEmail", related_query_name="privacy_request")

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["-received_at"]

    def __str__(self):
        # Shown in the audit log and the admin: never the requester's name or email.
        return _("Privacy request #%(number)s (%(kind)s)") % {
            "number": self.pk,
            "kind": self.get_kind_display(),
        }

    def save(self, *args, **kwargs):
        if self.email:
            self.email_digest = email_digest(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_active(self):
        return self.status in self.ACTIVE_STATUSES

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    def is_overdue(self, now=None):
        return bool(self.is_active and self.due_at and self.due_at < (now or timezone.now()))

    def new_confirmation_nonce(self):
        self.confirmation_nonce = secrets.token_hex(16)
        return self.confirmation_nonce

    def confirm(self, now=None):
        """The requester proved they hold the address: the case opens and the clock starts."""
        now = now or timezone.now()
        self.confirmed_at = now
        self.confirmation_nonce = ""
        if self.needs_fee:
            # The clock stops while the fee is outstanding: see settle_fee().
            self.status = self.Status.WAITING_FOR_FEE
            self.fee_status = self.Fee.PENDING
            self.due_at = None
        else:
            self.status = self.Status.OPEN
            self.due_at = now + timedelta(days=due_days())

    @property
    def needs_fee(self):
        return self.kind in self.FEE_KINDS

    @property
    def fee_settled(self):
        return self.fee_status != self.Fee.PENDING

    def settle_fee(self, fee_status, settled_at):
        """The fee arrived (or was waived) at `settled_at`: the full answering time starts then.

        The wait for the payment is the requester's, not ours, so it does not count; but the
        officer's delay in recording it does not count against the requester either, since
        `settled_at` is when the money arrived, not when it was recorded."""
        self.fee_status = fee_status
        self.fee_settled_at = settled_at
        if self.confirmed_at and self.due_at is None:
            self.due_at = max(settled_at, self.confirmed_at) + timedelta(days=due_days())

    def anonymise(self, now=None):
        self.name = ""
        self.email = ""
        self.details = ""
        self.officer_note = ""
        self.refusal_reason = ""
        self.confirmation_nonce = ""
        if self.pk:
            self.answers.all().delete()  # an answer file is that person's data
        self.anonymised_at = now or timezone.now()
