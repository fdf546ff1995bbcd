"""Admin sessions and the second factor, for every admin request."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .second_factor import has_second_factor, requires_second_factor

ADMIN_PREFIX = "/admin/"
LAST_ADMIN_REQUEST = "admin_last_request"


class AdminSessionMiddleware:
    """A signed-in session ends after ADMIN_SESSION_IDLE_SECONDS (a working day) without an
    admin request, whatever its cookie's age ("remember me" included). Public pages never touch
    the session, so they stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX) and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ADMIN_REQUEST, now)
            if now - last > settings.ADMIN_SESSION_IDLE_SECONDS:
                logout(request)  # the request goes on signed out: Wagtail asks for a login
            else:
                request.session[LAST_ADMIN_REQUEST] = now
        return self.get_response(request)


# What a signed-in user may reach before the second factor: signing in and out, the enrolment
# and verification pages, and what their pages load (the admin's translations and icon sprite).
BEFORE_SECOND_FACTOR = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",
    "/admin/accounts/two-factor/",
)


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: an admin request of a signed-in user without a verified
    second factor goes to verification (they have a device) or to enrolment (their role needs
    one). Nothing else of the admin answers them meanwhile."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = request.user
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(BEFORE_SECOND_FACTOR)
            and user.is_authenticated
            and not user.is_verified()
        ):
            if has_second_factor(user):
                return redirect_to("accounts_two_factor_verify", request)
            if requires_second_factor(user):
                return redirect_to("accounts_two_factor", request)
        return self.get_response(request)


def redirect_to(name, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
