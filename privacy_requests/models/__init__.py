"""The privacy-request records and the public page that takes them."""

from .answers import Answer
from .pages import PrivacyRequestPage
from .requests import PrivacyRequest

__all__ = ["Answer", "PrivacyRequest", "PrivacyRequestPage"]
