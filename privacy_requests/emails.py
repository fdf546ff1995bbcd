"""The emails about a request, composed in the requester's language and queued in the outbox."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from home import outbox
from home.models import SiteSettings
from home.personal_data import disclosure_fee_yen

from .models.answers import link_days
from .models.requests import due_days
from .personal_data import sections_for
from .tokens import make_token

# The emails a disclosure includes (the person's own correspondence, not the studio's notices).
TO_REQUESTER = [
    "privacy_requests/email/confirmation",
    "privacy_requests/email/status",
    "privacy_requests/email/fee",
    "privacy_requests/email/answer",
]


def _to_requester(privacy_request, template, context):
    return outbox.queue(
        f"privacy_requests/email/{template}",
        {"privacy_request": privacy_request, **context},
        to=privacy_request.email,
        language=privacy_request.language,
        about=privacy_request,
    )


@transaction.atomic
def send_confirmation(privacy_request, page, request):
    """A fresh single-use link; any earlier link for this request stops working. The nonce and
    the email naming it are stored together (in the caller's transaction, if any)."""
    privacy_request.new_confirmation_nonce()
    privacy_request.save(update_fields=["confirmation_nonce"])
    link = request.build_absolute_uri(
        page.get_url(request) + page.reverse_subpage("confirm", args=[make_token(privacy_request)])
    )
    return _to_requester(privacy_request, "confirmation", {"link": link})


def _status_context(privacy_request):
    context = {
        "site_settings": SiteSettings.load(),
        "fee_yen": f"{disclosure_fee_yen():,}",
        "due_days": due_days(),
        "link_days": link_days(),
    }
    if privacy_request.kind == privacy_request.Kind.PURPOSE_NOTICE:
        context["sections"] = sections_for(privacy_request)
    return context


def send_status_change(privacy_request):
    if not privacy_request.email:
        return None
    return _to_requester(privacy_request, "status", _status_context(privacy_request))


# Stands in the stored email for the answer link's token, made only as the email leaves.
LINK_TOKEN = "token-made-when-sent"
ANSWER_TEMPLATE = "privacy_requests/email/answer"


def send_answer_link(privacy_request, answer, link):
    """The electronic answer: a single-use link, to the address the requester confirmed.
    `link` carries LINK_TOKEN; the real token replaces it when the email is sent."""
    return _to_requester(privacy_request, "answer", {"answer": answer, "link": link})


def answer_body_with_new_link(email):
    """The outbox finisher of the answer email: a new token for the request's latest answer (a
    resent email gets a new link and the old one stops working)."""
    answer = email.about.answers.latest("released_at")
    return email.body.replace(LINK_TOKEN, answer.new_token())


def notify_studio(privacy_request):
    """Tell the inquiry window a confirmed request is waiting; no personal data in the message."""
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "privacy_requests:inspect", args=[privacy_request.pk]
    )
    return outbox.queue(
        "privacy_requests/email/notify_studio",
        {"privacy_request": privacy_request, "admin_url": admin_url, "due_days": due_days()},
        to=settings.STUDIO_NOTIFY_EMAIL,
        language=settings.LANGUAGE_CODE,
        about=privacy_request,
    )
