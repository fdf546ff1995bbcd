"""Who needs a second factor, and the devices that give one (django-otp).

Privacy officers, Legal approvers and superusers open personal data or put policy versions in
force: they must have a second factor, and reach nothing in the admin but its enrolment until
they do. Everyone else may add one (Account → Two-step verification); once they have, it is asked
of them at every sign-in too.
"""

import base64

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.groups import PRIVACY_OFFICERS
from policy.permissions import LEGAL_APPROVERS

REQUIRED_FOR_GROUPS = (PRIVACY_OFFICERS, LEGAL_APPROVERS)
RECOVERY_CODES = 10
AUTHENTICATOR = "Authenticator app"
RECOVERY = "Recovery codes"


def requires_second_factor(user):
    if not (user.is_active and user.is_authenticated):
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_FOR_GROUPS).exists()


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The authenticator being set up (not confirmed yet): the same secret until it is."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def qr_code_data_uri(device):
    """The otpauth:// URL as an SVG QR code in a data: URI (no script, no third party)."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def secret_for_typing(device):
    """The secret in base32 groups of four, for an app that cannot read the QR code."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_authenticator(device):
    """Make `device` the user's authenticator (replacing an older one) and return fresh
    recovery codes, shown once."""
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Ten single-use codes; the earlier ones stop working."""
    recovery, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY)
    recovery.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def remove_second_factor(user):
    for device in devices_for_user(user, confirmed=None):
        device.delete()


def verify(user, token):
    """The confirmed device that accepts `token` (authenticator code or recovery code), or None.
    Each device throttles its own failures (django-otp: growing delays)."""
    token = "".join(str(token).split())
    for device in devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    return None
