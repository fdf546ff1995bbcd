"""Admin views of staff accounts: locked sign-ins, throttled password reset."""

import logging

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.account import PasswordResetView

from home.groups import is_privacy_officer
from home.ratelimit import check

from .password_reset import send_password_reset_emails

logger = logging.getLogger(__name__)


def locked_attempts(request):
    """Failed sign-ins still counted (within the cool-off), the locked ones first."""
    since = timezone.now() - (get_cool_off(request) or timezone.timedelta(days=1))
    return AccessAttempt.objects.filter(attempt_time__gte=since).order_by(
        "-failures_since_start", "-attempt_time"
    )


def lockouts(request):
    if not is_privacy_officer(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "accounts/lockouts.html",
        {
            "attempts": locked_attempts(request),
            "limit": get_failure_limit(request, None),
            "page_title": pgettext("sign-in", "Locked sign-ins"),
            "header_icon": "lock",
        },
    )


@require_POST
def unlock(request, pk):
    """Forget the failures of one account (every address) or of one address (every account)."""
    if not is_privacy_officer(request.user):
        raise PermissionDenied
    attempt = AccessAttempt.objects.filter(pk=pk).first()
    if attempt is not None:
        if request.POST.get("what") == "address":
            AccessAttempt.objects.filter(ip_address=attempt.ip_address).delete()
            logger.warning("Sign-ins from %s unlocked by %s", attempt.ip_address, request.user)
        else:
            AccessAttempt.objects.filter(username=attempt.username).delete()
            logger.warning("Sign-ins of %r unlocked by %s", attempt.username, request.user)
        messages.success(request, pgettext("sign-in", "Unlocked."))
    return redirect("accounts_lockouts")


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, throttled like sign-ins, per address and per account.

    Each request may send an email, so an unlimited form lets anyone flood a mailbox:
    - per address (PASSWORD_RESET_RATE_LIMIT): past the limit every request from that address is
      refused (429), whichever email it names, so the refusal says nothing about any account;
    - per account (PASSWORD_RESET_ACCOUNT_RATE_LIMIT): past the limit, requests for that account
      from any address send no email, and the answer is the very one every request gets ("if an
      account has this address, we sent an email"), so it tells nothing either, as Django's own
      answer tells nothing about whether the account exists.
    Refusals are logged with the account's number, never its address or a reset link.
    """

    def post(self, request, *args, **kwargs):
        verdict = check(request, "password-reset", "PASSWORD_RESET_RATE_LIMIT", (3, 3600))
        if not verdict.allowed:
            logger.warning("Password reset refused: too many requests from one address")
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                _("Too many password reset requests. Try again in %(minutes)s minutes.")
                % {"minutes": verdict.retry_minutes},
            )
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(verdict.retry_after_seconds)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # The same work for any address (accounts.password_reset): the emails leave from the worker.
        users = form.get_users(form.cleaned_data["email"])
        send_password_reset_emails.enqueue(
            [user.pk for user in users],
            language=get_language(),
            domain=self.request.get_host(),
            use_https=self.request.is_secure(),
            templates={
                "subject_template_name": self.subject_template_name,
                "email_template_name": self.email_template_name,
            },
        )
        return HttpResponseRedirect(self.get_success_url())
