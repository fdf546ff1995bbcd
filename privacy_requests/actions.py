"""What the person in charge does with a confirmed request. Each action is written to Wagtail's
audit log with the officer and the time (invariant 6: every export and erase access is logged);
log data holds counts and statuses only, never personal data."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from home.personal_data import personal_data_handlers

from . import archive, emails
from .models import PrivacyRequest

OWN_HANDLER = "privacy_requests"
Status = PrivacyRequest.Status
Fee = PrivacyRequest.Fee


def available(privacy_request):
    """The actions an officer may take on this request now, by name."""
    if not privacy_request.is_confirmed or privacy_request.is_anonymised:
        return set()
    actions = {"disclose", "correct"}
    if privacy_request.fee_status == Fee.PENDING:
        actions.discard("disclose")  # Article 5: the fee is settled (or waived) first
    if privacy_request.is_active:
        actions |= {"delete", "suspend", "refuse", "done", "fee"}
        if privacy_request.status == Status.OPEN:
            actions.add("start")
    return actions


def _require(privacy_request, action):
    if action not in available(privacy_request):
        raise PermissionDenied(f"'{action}' is not possible on this request now")


def change_status(privacy_request, user, status, reason=""):
    previous = privacy_request.status
    privacy_request.status = status
    if status == Status.REFUSED:
        privacy_request.refusal_reason = reason
    if status in PrivacyRequest.CLOSED_STATUSES:
        privacy_request.closed_at = timezone.now()
    privacy_request.save()
    log(
        privacy_request, "privacy_requests.status", user=user, data={"from": previous, "to": status}
    )
    emails.send_status_change(privacy_request)


def start(privacy_request, user):
    _require(privacy_request, "start")
    change_status(privacy_request, user, Status.IN_PROGRESS)


def mark_done(privacy_request, user):
    _require(privacy_request, "done")
    change_status(privacy_request, user, Status.DONE)


def refuse(privacy_request, user, reason):
    _require(privacy_request, "refuse")
    if not reason.strip():
        raise ValueError(_("A refusal needs a reason: the requester is told it."))
    change_status(privacy_request, user, Status.REFUSED, reason.strip())


def set_fee(privacy_request, user, fee_status):
    _require(privacy_request, "fee")
    if fee_status not in (Fee.PAID, Fee.WAIVED, Fee.NOT_REQUIRED):
        raise ValueError(f"unknown fee status {fee_status!r}")
    previous = privacy_request.fee_status
    privacy_request.fee_status = fee_status
    privacy_request.save(update_fields=["fee_status"])
    log(
        privacy_request,
        "privacy_requests.fee",
        user=user,
        data={"from": previous, "to": fee_status},
    )
    if privacy_request.status == Status.WAITING_FOR_FEE:
        change_status(privacy_request, user, Status.IN_PROGRESS)


def disclose(privacy_request, user):
    """Build the archive for download; logged every time it is built (each is an export)."""
    _require(privacy_request, "disclose")
    filename, content, summary = archive.build_zip(privacy_request)
    log(privacy_request, "privacy_requests.export", user=user, data={"tables": summary})
    return filename, content


def record_correction(privacy_request, user, note):
    _require(privacy_request, "correct")
    privacy_request.officer_note = note.strip()
    privacy_request.save(update_fields=["officer_note"])
    log(privacy_request, "privacy_requests.correct", user=user)


def correction_links(privacy_request):
    links = []
    for handler in personal_data_handlers():
        links.extend(handler.correction_links(privacy_request.email) or [])
    return links


@transaction.atomic
def erase(privacy_request, user):
    """Erase the person everywhere, then keep only the anonymised request as the record of it.

    The other apps' data goes first: if any of them fails, the transaction rolls back and the
    requester has been told nothing. Then the "done" notice is stored (with the address, blanked
    once sent), and last our own handler anonymises the person's requests."""
    _require(privacy_request, "delete")
    email = privacy_request.email
    handlers = personal_data_handlers()
    outcome = {h.name: h.erase(email) for h in handlers if h.name != OWN_HANDLER}
    change_status(privacy_request, user, Status.DONE)
    outcome.update({h.name: h.erase(email) for h in handlers if h.name == OWN_HANDLER})
    privacy_request.refresh_from_db()
    if not privacy_request.is_anonymised:  # our own handler was not registered
        privacy_request.anonymise()
    privacy_request.outcome = {"erased": outcome}
    privacy_request.save()
    log(privacy_request, "privacy_requests.erase", user=user, data={"erased": outcome})
    return outcome


@transaction.atomic
def suspend(privacy_request, user):
    """Stop every use of the person's data at once (consents withdrawn, profile unpublished)."""
    _require(privacy_request, "suspend")
    outcome = {
        handler.name: handler.suspend(privacy_request.email) for handler in personal_data_handlers()
    }
    privacy_request.outcome = {"suspended": outcome}
    privacy_request.save(update_fields=["outcome"])
    log(privacy_request, "privacy_requests.suspend", user=user, data={"suspended": outcome})
    change_status(privacy_request, user, Status.DONE)
    return outcome


def retry_email(request_email, user):
    emails.retry(request_email)
    log(
        request_email.privacy_request,
        "privacy_requests.retry_email",
        user=user,
        data={"email": request_email.pk},
    )
