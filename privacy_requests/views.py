"""What the requester sees after sending the form (which the page serves like every public form,
home.form_pages): the confirmation link, a new link and the answer's download.

Every submission is stored with its emails, which leave after the commit (invariant 5); bad
input comes back with its errors in the page's language and the values kept; a flood from one
address gets a 429.
"""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.csrf import csrf_protect
from wagtail.log_actions import log

from home import ratelimit

from . import emails, tokens
from .forms import ResendForm
from .models.answers import Answer
from .models.requests import PrivacyRequest, due_days

RATE_LIMIT = ("PRIVACY_REQUEST_RATE_LIMIT", (5, 60 * 60))


def _render(request, page, template, context=None, status=200):
    # Only the form itself belongs in search engines; the per-person steps do not.
    response = page.render(
        request, template=template, context_overrides={"noindex": True, **(context or {})}
    )
    response.status_code = status
    return response


def _limit(request, scope):
    return ratelimit.check(request, f"privacy-requests:{scope}", *RATE_LIMIT)


def store_request(form, page, request):
    """The request as sent, unconfirmed, and the email with its confirmation link (in the
    transaction the page opens: home.form_pages)."""
    privacy_request = PrivacyRequest.objects.create(
        kind=form.cleaned_data["kind"],
        delivery=form.cleaned_data["delivery"],
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        details=form.cleaned_data["details"],
        language=page.locale.language_code,
    )
    log(privacy_request, "privacy_requests.submit")
    emails.send_confirmation(privacy_request, page, request)
    return privacy_request


def _resend_form_for(check, token):
    # A link we can still read names its request; a broken one cannot, so ask for the address.
    return ResendForm(initial={"token": token if check.state != tokens.INVALID else ""})


@csrf_protect
def confirm(request, page, token):
    check = tokens.check_token(token)
    if check.state != tokens.VALID:
        status = {tokens.INVALID: 400}.get(check.state, 410)
        return _render(
            request,
            page,
            "privacy_requests/confirm.html",
            {"check": check, "resend_form": _resend_form_for(check, token)},
            status=status,
        )
    if request.method != "POST":
        # A button, not the GET itself, confirms: mail scanners that open links must not use them up.
        return _render(request, page, "privacy_requests/confirm.html", {"check": check})
    with transaction.atomic():
        privacy_request = PrivacyRequest.objects.select_for_update().get(
            pk=check.privacy_request.pk
        )
        if privacy_request.confirmation_nonce != check.privacy_request.confirmation_nonce:
            return redirect(request.path)  # confirmed by a parallel click: show "already used"
        privacy_request.confirm()
        privacy_request.save()
        log(privacy_request, "privacy_requests.confirm")
    emails.send_status_change(privacy_request)
    emails.notify_studio(privacy_request)
    return _render(
        request,
        page,
        "privacy_requests/confirm.html",
        {"check": check, "confirmed": privacy_request, "due_days": due_days()},
    )


def _unconfirmed_request_for(form):
    """The request a new link is for: the one named by an old link, else the newest of that email."""
    token_check = (
        tokens.check_token(form.cleaned_data["token"]) if form.cleaned_data["token"] else None
    )
    if token_check and token_check.privacy_request:
        candidate = token_check.privacy_request
    elif form.cleaned_data["email"]:
        candidate = PrivacyRequest.objects.for_email(form.cleaned_data["email"]).first()
    else:
        candidate = None
    if candidate and candidate.status == PrivacyRequest.Status.UNCONFIRMED:
        return candidate
    return None


@csrf_protect
def resend(request, page):
    form = ResendForm(request.POST or None, initial={"token": request.GET.get("token", "")})
    if request.method == "POST":
        verdict = _limit(request, "resend")
        if not verdict.allowed:
            return ratelimit.too_many_requests(request, page, verdict)
    if form.is_bound and (form.is_spam() or form.is_valid()):
        privacy_request = None if form.is_spam() else _unconfirmed_request_for(form)
        if privacy_request is not None:
            emails.send_confirmation(privacy_request, page, request)
        # The same answer either way: this page must not reveal who has made a request.
        return _render(request, page, "privacy_requests/resend.html", {"resent": True})
    status = 400 if form.is_bound else 200
    return _render(request, page, "privacy_requests/resend.html", {"form": form}, status=status)


def _answer_state(answer):
    if answer is None:
        return "invalid"
    if answer.downloaded_at:
        return "used"
    if answer.file_deleted_at or answer.is_expired():
        return "expired"
    return "available"


@csrf_protect
def answer_download(request, page, token):
    """The electronic answer: a page with a button (mail scanners only GET), then the file once.

    The download and every refused try are in the audit log; the file is deleted once fetched."""
    answer = Answer.for_token(token)
    state = _answer_state(answer)
    if state == "available" and request.method == "POST":
        with transaction.atomic():
            answer = Answer.objects.select_for_update().get(pk=answer.pk)
            state = _answer_state(answer)
            if state == "available":
                content = bytes(answer.content)
                answer.downloaded_at = timezone.now()
                answer.save(update_fields=["downloaded_at"])
                answer.delete_file()
                log(answer.privacy_request, "privacy_requests.download", data={"answer": answer.pk})
        if state == "available":
            response = HttpResponse(content, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{answer.filename}"'
            response["Cache-Control"] = "no-store"
            return response
    if answer is not None and state != "available":
        log(answer.privacy_request, "privacy_requests.download_refused", data={"state": state})
    status = {"available": 200, "invalid": 404}.get(state, 410)
    response = _render(
        request,
        page,
        "privacy_requests/answer_download.html",
        {"answer": answer, "state": state},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response
