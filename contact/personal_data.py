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


def delete_inquiries(inquiries):
    """Delete the inquiries and their emails; returns how many inquiries (not rows) went."""
    _, deleted = inquiries.delete()
    return deleted.get(Inquiry._meta.label, 0)


@transaction.atomic
def erase_for_email(email):
    return delete_inquiries(Inquiry.objects.filter(email__iexact=email))


def suspend_for_email(email):
    return Inquiry.objects.filter(email__iexact=email).update(suspended=True)


def purge_past_retention(now=None):
    """Delete inquiries past the schedule's `business_inquiries` period; returns how many.
    (The daily `enforce_retention` does the same with every other rule.)"""
    return delete_inquiries(Inquiry.objects.past_retention(now))


def email_is_suspended(email):
    return Inquiry.objects.filter(email__iexact=email, suspended=True).exists()
