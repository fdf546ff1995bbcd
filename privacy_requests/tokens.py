"""Confirmation links: signed, single use, valid for 72 hours.

The signed value is "<request id>:<nonce>". The nonce is stored on the request and cleared when the
request is confirmed (or replaced when a new link is sent), so a link works once: a second click
finds no matching nonce and is told the link was already used.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from .models.requests import PrivacyRequest

CONFIRMATION_MAX_AGE = timedelta(hours=72)
SALT = "privacy_requests.confirm"

VALID = "valid"
EXPIRED = "expired"
USED = "used"
INVALID = "invalid"


def make_token(privacy_request):
    value = f"{privacy_request.pk}:{privacy_request.confirmation_nonce}"
    signed = signing.TimestampSigner(salt=SALT).sign(value)
    # Wagtail's page URLs allow only letters, digits, "-" and "_": wrap the signed value in
    # URL-safe base64 rather than put its ":" separators in the path.
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


@dataclass
class TokenCheck:
    state: str
    privacy_request: object = None


def _unsign(token, max_age=None):
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError) as error:
        raise signing.BadSignature("not a token") from error
    value = signing.TimestampSigner(salt=SALT).unsign(signed, max_age)
    request_id, _, nonce = value.partition(":")
    return int(request_id), nonce


def check_token(token):
    """What a confirmation link is: valid, expired, already used, or not ours at all."""
    try:
        request_id, nonce = _unsign(token)
    except (signing.BadSignature, ValueError):
        return TokenCheck(INVALID)
    privacy_request = PrivacyRequest.objects.filter(pk=request_id).first()
    if privacy_request is None:
        return TokenCheck(INVALID)
    if not nonce or privacy_request.confirmation_nonce != nonce:
        return TokenCheck(USED, privacy_request)
    try:
        _unsign(token, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        return TokenCheck(EXPIRED, privacy_request)
    return TokenCheck(VALID, privacy_request)
