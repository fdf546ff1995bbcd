"""What a locked-out login sees. Privacy officers lift lockouts (home.groups.is_privacy_officer).

django-axes counts failed logins per account and per address (settings: AXES_*) and refuses every
login past the limit, the right password included, until the cool-off ends or someone unlocks it.
It logs each failure and each lockout (username, address, browser, path; never the password).
"""

import math

from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils.translation import gettext as _


def locked_out(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    message = _(
        "Too many failed sign-in attempts for this account or from this address. "
        "Signing in is blocked for %(minutes)s minutes, even with the right password. "
        "A Privacy officer can unlock it sooner."
    ) % {"minutes": minutes}
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)
