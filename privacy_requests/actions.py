"""What the person in charge does with a confirmed request. Each action is written to Wagtail's
audit log with the officer and the time (invariant 6: every export and erase access is logged);
log data holds counts and statuses only, never personal data.

Each kind of request offers only the actions that answer it (`KIND_ACTIONS`); a request that is
unconfirmed, closed or anonymised offers none."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from home import outbox
from home.outbox import OutboxEmail
from home.personal_data import personal_data_handlers

from . import answer, emails
from .models import Answer, PrivacyRequest
from .personal_data import OWN_HANDLER

Status = PrivacyRequest.Status
Fee = PrivacyRequest.Fee
Kind = PrivacyRequest.Kind
Delivery = PrivacyRequest.Delivery

DISCLOSING = {"answer", "refuse"}
KIND_ACTIONS = {
    Kind.DISCLOSURE: DISCLOSING,
    Kind.PROVISION_RECORDS: DISCLOSING,
    Kind.CORRECTION: {"correct", "done", "refuse"},
    Kind.DELETION: {"correct", "delete", "refuse"},
    Kind.SUSPENSION: {"suspend", "delete", "refuse"},
    Kind.PURPOSE_NOTICE: {"notify_purpose", "refuse"},
    Kind.STOP_PROVISION: {"stop_provision", "refuse"},
    Kind.OTHER: {"done", "refuse"},
}


def available(privacy_request):
    """The actions an officer may take on this request now, by name."""
    if (
        not privacy_request.is_confirmed
        or privacy_request.is_anonymised
        or not privacy_request.is_active
    ):
        return set()
    actions = set(KIND_ACTIONS.get(privacy_request.kind, {"done", "refuse"}))
    if privacy_request.status == Status.OPEN:
        actions.add("start")
    if privacy_request.needs_fee and not privacy_request.fee_settled:
        return {"fee", "refuse"}  # Article 5: nothing is disclosed before the fee is settled
    if "answer" in actions:
        actions.discard("answer")
        actions.add("preview")
        actions.add("release" if privacy_request.delivery == Delivery.ELECTRONIC else "posted")
    return actions


def _require(privacy_request, action):
    if action not in available(privacy_request):
        raise PermissionDenied(f"'{action}' is not possible on this request now")


@transaction.atomic
def change_status(privacy_request, user, status, reason="", ground=""):
    """The new status, its log entry and the email telling the person, stored together."""
    previous = privacy_request.status
    privacy_request.status = status
    if status == Status.REFUSED:
        privacy_request.refusal_reason = reason
        privacy_request.refusal_ground = ground
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


def refuse(privacy_request, user, ground, reason):
    _require(privacy_request, "refuse")
    if ground not in PrivacyRequest.RefusalGround.values:
        raise ValueError(_("Choose the ground for the refusal: the requester is told it."))
    if not reason.strip():
        raise ValueError(_("A refusal needs an explanation: the requester is told it."))
    change_status(privacy_request, user, Status.REFUSED, reason.strip(), ground)


def set_fee(privacy_request, user, fee_status, settled_at=None):
    """Record the fee as paid (on the day it arrived) or waived; the answering time starts then."""
    _require(privacy_request, "fee")
    if fee_status not in (Fee.PAID, Fee.WAIVED):
        raise ValueError(_("Choose whether the fee was paid or waived."))
    now = timezone.now()
    settled_at = settled_at or now
    if settled_at > now:
        raise ValueError(_("The day the fee arrived cannot be in the future."))
    previous = privacy_request.fee_status
    privacy_request.settle_fee(fee_status, settled_at)
    privacy_request.save(update_fields=["fee_status", "fee_settled_at", "due_at"])
    log(
        privacy_request,
        "privacy_requests.fee",
        user=user,
        data={"from": previous, "to": fee_status},
    )
    if privacy_request.status == Status.WAITING_FOR_FEE:
        change_status(privacy_request, user, Status.IN_PROGRESS)


def preview(privacy_request, user, printable=True):
    """The answer as the person will read it; every showing is an export, so it is logged."""
    _require(privacy_request, "preview")
    html, context = answer.render_html(privacy_request, printable=printable)
    count = sum(len(section.records) for section in context["sections"])
    log(privacy_request, "privacy_requests.export", user=user, data={"records": count})
    return html


@transaction.atomic
def release(privacy_request, user, link_for):
    """Store the electronic answer behind a single-use link and email the link to the person.

    `link_for(token)` makes the absolute URL of the download page in the requester's language."""
    _require(privacy_request, "release")
    filename, content, count = answer.build_zip(privacy_request)
    released = Answer.release(privacy_request, filename, content)
    log(privacy_request, "privacy_requests.release", user=user, data={"records": count})
    emails.send_answer_link(privacy_request, released, link_for(emails.LINK_TOKEN))
    change_status(privacy_request, user, Status.DONE)
    return released


def _done(privacy_request, user, action, outcome=None, **log_data):
    """Close the request as done by `action`: what it did kept as the request's outcome, the
    action in the audit log, then the status and the person's email (change_status)."""
    if outcome is not None:
        privacy_request.outcome = outcome
        privacy_request.save(update_fields=["outcome"])
    log(privacy_request, f"privacy_requests.{action}", user=user, **log_data)
    change_status(privacy_request, user, Status.DONE)


def mark_posted(privacy_request, user):
    _require(privacy_request, "posted")
    _done(privacy_request, user, "posted")


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
    _done(privacy_request, user, "suspend", {"suspended": outcome}, data={"suspended": outcome})
    return outcome


@transaction.atomic
def stop_provision(privacy_request, user):
    """Stop providing the person's data to third parties, in every holder that provides any."""
    _require(privacy_request, "stop_provision")
    outcome = {}
    for handler in personal_data_handlers():
        stop = getattr(handler, "stop_provision", None)
        if stop is not None:
            outcome[handler.name] = stop(privacy_request.email)
    _done(privacy_request, user, "stop_provision", {"provision_stopped": outcome}, data=outcome)
    return outcome


def notify_purpose(privacy_request, user):
    """Tell the person the purposes each of their records is used for (the status email)."""
    _require(privacy_request, "notify_purpose")
    _done(privacy_request, user, "notify_purpose")


def retry_email(email, user):
    """An officer sends a failed email again now (the outbox still sends it only once)."""
    outbox.retry(OutboxEmail.objects.filter(pk=email.pk))
    log(email.about, "privacy_requests.retry_email", user=user, data={"email": email.pk})
