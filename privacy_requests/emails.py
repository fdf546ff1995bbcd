"""Compose request emails in the requester's language, store them, then queue their sending."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import RequestEmail
from .models.requests import due_days
from .tasks import send_request_email
from .tokens import make_token


def queue(privacy_request, purpose, to_address, language, subject, body):
    email = RequestEmail.objects.create(
        privacy_request=privacy_request,
        purpose=purpose,
        to_address=to_address,
        language=language,
        subject=subject,
        body=body,
    )
    send_request_email.enqueue(email.pk)
    return email


def retry(email):
    email.delivery = RequestEmail.Delivery.QUEUED
    email.save(update_fields=["delivery"])
    send_request_email.enqueue(email.pk)


def send_confirmation(privacy_request, page, request):
    """A fresh single-use link; any earlier link for this request stops working."""
    privacy_request.new_confirmation_nonce()
    privacy_request.save(update_fields=["confirmation_nonce"])
    link = request.build_absolute_uri(
        page.get_url(request) + page.reverse_subpage("confirm", args=[make_token(privacy_request)])
    )
    with translation.override(privacy_request.language):
        subject = _("[ALLIN STUDIO] Please confirm your privacy request #%(number)s") % {
            "number": privacy_request.pk
        }
        body = render_to_string(
            "privacy_requests/emails/confirmation.txt",
            {"privacy_request": privacy_request, "link": link},
        )
    return queue(
        privacy_request,
        RequestEmail.Purpose.CONFIRMATION,
        privacy_request.email,
        privacy_request.language,
        subject,
        body,
    )


def _status_context(privacy_request):
    from home.models import SiteSettings

    from .answer import sections_for

    context = {
        "privacy_request": privacy_request,
        "site_settings": SiteSettings.load(),
        "fee_yen": f"{privacy_request.FEE_YEN:,}",
        "due_days": due_days(),
    }
    if privacy_request.kind == privacy_request.Kind.PURPOSE_NOTICE:
        context["sections"] = sections_for(privacy_request)
    return context


def send_status_change(privacy_request):
    if not privacy_request.email:
        return None
    with translation.override(privacy_request.language), timezone.override("Asia/Tokyo"):
        subject = _("[ALLIN STUDIO] Your privacy request #%(number)s: %(status)s") % {
            "number": privacy_request.pk,
            "status": privacy_request.get_status_display(),
        }
        body = render_to_string(
            "privacy_requests/emails/status.txt", _status_context(privacy_request)
        )
    purpose = (
        RequestEmail.Purpose.FEE
        if privacy_request.status == privacy_request.Status.WAITING_FOR_FEE
        else RequestEmail.Purpose.STATUS
    )
    return queue(
        privacy_request,
        purpose,
        privacy_request.email,
        privacy_request.language,
        subject,
        body,
    )


def send_answer_link(privacy_request, answer, link):
    """The electronic answer: a single-use link, to the address the requester confirmed."""
    with translation.override(privacy_request.language), timezone.override("Asia/Tokyo"):
        subject = _("[ALLIN STUDIO] The answer to your privacy request #%(number)s") % {
            "number": privacy_request.pk
        }
        body = render_to_string(
            "privacy_requests/emails/answer.txt",
            {"privacy_request": privacy_request, "answer": answer, "link": link},
        )
    return queue(
        privacy_request,
        RequestEmail.Purpose.ANSWER,
        privacy_request.email,
        privacy_request.language,
        subject,
        body,
    )


def notify_studio(privacy_request):
    """Tell the inquiry window a confirmed request is waiting; no personal data in the message."""
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "privacy_requests:inspect", args=[privacy_request.pk]
    )
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("New privacy request #%(number)s (%(kind)s)") % {
            "number": privacy_request.pk,
            "kind": privacy_request.get_kind_display(),
        }
        body = render_to_string(
            "privacy_requests/emails/notify_studio.txt",
            {"privacy_request": privacy_request, "admin_url": admin_url},
        )
    return queue(
        privacy_request,
        RequestEmail.Purpose.NOTIFY_STUDIO,
        settings.STUDIO_NOTIFY_EMAIL,
        language,
        subject,
        body,
    )
