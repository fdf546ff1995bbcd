"""Two-step verification inside the Wagtail admin: enrolment (authenticator app + recovery
codes), verification at sign-in, new recovery codes, removal for those whose role allows it."""

import functools
import logging

import django_otp
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import second_factor
from .forms import CodeForm

logger = logging.getLogger(__name__)


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def page(request, template, **context):
    context.setdefault("page_title", pgettext("two-step", "Two-step verification"))
    context.setdefault("header_icon", "key")
    context["next"] = next_url(request)
    return TemplateResponse(request, template, context)


def show_recovery_codes(request, codes):
    return page(request, "accounts/recovery_codes.html", codes=codes)


def for_signed_in_user(view):
    """A page that takes a code: never cached, the code kept out of error reports, and shown
    only to a signed-in user (anyone else goes to the login)."""

    @never_cache
    @sensitive_post_parameters("code")
    @functools.wraps(view)
    def checked(request):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        return view(request)

    return checked


@for_signed_in_user
def two_factor(request):
    """Set up (or manage) the second factor of the signed-in user."""
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None
    enrolled = user.is_verified() and second_factor.has_second_factor(user)
    if enrolled and action == "recovery":
        return show_recovery_codes(request, second_factor.new_recovery_codes(user))
    if enrolled and action == "remove" and not second_factor.requires_second_factor(user):
        second_factor.remove_second_factor(user)
        logger.warning("Second factor removed by %s", user)
        messages.success(request, pgettext("two-step", "Two-step verification is off."))
        return redirect("accounts_two_factor")
    if enrolled and action != "confirm":
        return page(
            request,
            "accounts/two_factor.html",
            enrolled=True,
            required=second_factor.requires_second_factor(user),
        )
    if second_factor.has_second_factor(user) and not user.is_verified():
        return redirect(f"{reverse('accounts_two_factor_verify')}?next={request.path}")

    device = second_factor.pending_authenticator(user)
    form = CodeForm(request.POST if action == "confirm" else None)
    if form.is_valid():
        if device.verify_token("".join(form.cleaned_data["code"].split())):
            codes = second_factor.confirm_authenticator(device)
            django_otp.login(request, device)
            logger.warning("Second factor set up by %s", user)
            return show_recovery_codes(request, codes)
        form.add_error("code", pgettext("two-step", "That code is not right. Try the newest one."))
    return page(
        request,
        "accounts/two_factor.html",
        enrolled=False,
        required=second_factor.requires_second_factor(user),
        form=form,
        qr_code=second_factor.qr_code_data_uri(device),
        secret=second_factor.secret_for_typing(device),
    )


@for_signed_in_user
def verify(request):
    """The second step of signing in."""
    user = request.user
    if user.is_verified() or not second_factor.has_second_factor(user):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = second_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(next_url(request))
        logger.warning("Second factor refused for %s", user)
        form.add_error("code", pgettext("two-step", "That code is not right. Try the newest one."))
    return page(request, "accounts/verify.html", form=form)
