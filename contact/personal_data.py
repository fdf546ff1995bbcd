"""The contact app's answer to privacy requests (Articles 5-7) and its retention rule."""

from django.db import transaction

from home.personal_data import japan_iso

from .models import Inquiry

FIELDS = ["company", "name", "email", "phone", "project_kind", "budget", "message", "language"]


def _inquiries(email):
    return Inquiry.objects.filter(email__iexact=email).select_related("policy_version")


def export_for_email(email):
    return {
        "business_inquiries": [
            {
                "id": inquiry.pk,
                **{name: getattr(inquiry, name) for name in FIELDS},
                "submitted_at": japan_iso(inquiry.submitted_at),
                "consent_at": japan_iso(inquiry.consent_at),
                "consent_wording_sha256": inquiry.consent_wording_sha256,
                "policy_version": (
                    inquiry.policy_version.number if inquiry.policy_version else None
                ),
                "suspended": inquiry.suspended,
            }
            for inquiry in _inquiries(email)
        ]
    }


@transaction.atomic
def erase_for_email(email):
    _, deleted = Inquiry.objects.filter(email__iexact=email).delete()  # and their emails
    return deleted.get(Inquiry._meta.label, 0)


def suspend_for_email(email):
    return Inquiry.objects.filter(email__iexact=email).update(suspended=True)


def purge_past_retention(now=None):
    """Delete inquiries older than CONTACT_INQUIRY_RETENTION_DAYS; returns how many."""
    _, deleted = Inquiry.objects.past_retention(now).delete()  # and their emails
    return deleted.get(Inquiry._meta.label, 0)


def email_is_suspended(email):
    return Inquiry.objects.filter(email__iexact=email, suspended=True).exists()
