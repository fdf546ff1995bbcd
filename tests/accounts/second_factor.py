"""Tests sign staff in as staff do: password and second factor.

`Client.force_login` is wrapped (tests/conftest.py) so that it also enrols an authenticator for
the user and completes the second step, as a person would after signing in. The requirement
itself is not relaxed: `force_login_password_only` signs in with the password alone, and the
tests of the requirement use it.
"""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor import AUTHENTICATOR

force_login_password_only = Client.force_login


def enrolled_authenticator(user):
    """The user's confirmed authenticator, set up now if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=True)


def current_code(device):
    """The code the user's authenticator app shows now (or the next one, if the current one
    was already used: django-otp refuses a code twice)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def force_login_with_second_factor(client, user, backend=None):
    force_login_password_only(client, user, backend)
    if not user.is_active:
        return
    device = enrolled_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
