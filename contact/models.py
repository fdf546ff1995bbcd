"""Business inquiries: the contact page that takes them, and each inquiry as it was sent,
with the evidence of the policy the sender agreed to (stored before any email goes out)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home import outbox
from home.outbox import EmailedRecord
from home.personal_data import email_is_suspended, retention_days
from policy.consent_forms import ConsentFormPage, wording_hash

from .choices import BUDGETS, PROJECT_KINDS
from .forms import InquiryForm
from .receipt import receipt_context

INQUIRY_FIELDS = ("company", "name", "email", "phone", "project_kind", "budget", "message")


class ContactPage(ConsentFormPage):
    """Serves the business inquiry form (contact.forms) and the receipt after sending."""

    rate_limit = ("contact:inquiry", "CONTACT_RATE_LIMIT", (5, 3600))
    receipt_cookie = "contact_inquiry_receipt"
    landing_page_template = "contact/thanks.html"

    class Meta:
        verbose_name = _("contact page")

    form_class = InquiryForm

    @property
    def submission_model(self):
        return Inquiry

    def process_form_submission(self, form, request):
        """Save the inquiry exactly as sent with its emails; they leave after the commit.

        An address under a suspension request is answered like any other (nobody learns of the
        request) and stored "do not contact": the officer sees the flag, and no email goes
        out."""
        data = form.cleaned_data
        now = timezone.now()
        inquiry = Inquiry.objects.create(
            **{name: data[name] for name in INQUIRY_FIELDS},
            language=form.language_code,
            submitted_at=now,
            consent_at=now,
            consent_wording_sha256=wording_hash(form.wording),
            policy_version=form.policy_version,
            suspended=email_is_suspended(data["email"]),
        )
        outbox.queue_pair("contact/email", receipt_context(inquiry), about=inquiry)
        return inquiry

    def receipt_context(self, submission, request):
        return receipt_context(submission, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The notice states the period the retention job enforces, never a copy of it.
        context["retention_days"] = retention_days("business_inquiries")
        return context


class InquiryQuerySet(models.QuerySet):
    def past_retention(self, now=None):
        days = retention_days("business_inquiries")  # the schedule, in one place
        return self.filter(submitted_at__lt=(now or timezone.now()) - timedelta(days=days))


class Inquiry(EmailedRecord, models.Model):
    """One business inquiry, exactly as sent. Only the Privacy officers group sees it."""

    company = models.CharField(_("company"), max_length=120)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    project_kind = models.CharField(_("kind of project"), max_length=32, choices=PROJECT_KINDS)
    budget = models.CharField(_("budget range"), max_length=32, choices=BUDGETS)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    # Consent evidence: when, the exact wording shown (as its SHA-256) and the version in force.
    consent_at = models.DateTimeField(_("agreed to the policy at"))
    consent_wording_sha256 = models.CharField(_("SHA-256 of the wording shown"), max_length=64)
    policy_version = models.ForeignKey(
        "policy.PolicyVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("policy version in force"),
    )
    suspended = models.BooleanField(
        _("do not contact"),
        default=False,
        help_text=_("Set by a suspension request: nobody is contacted."),
    )
    # The studio's notice and the receipt, in the site's one outbox (home.outbox).
    emails = GenericRelation("home.OutboxEmail", related_query_name="contact_inquiry")

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("business inquiry")
        verbose_name_plural = _("business inquiries")
        ordering = ["-submitted_at"]

    def __str__(self):
        return _("Inquiry #%(number)s") % {"number": self.pk}
