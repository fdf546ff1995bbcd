"""The privacy-request records and the public page that takes them."""

from .pages import PrivacyRequestPage
from .requests import PrivacyRequest, RequestEmail

__all__ = ["PrivacyRequest", "PrivacyRequestPage", "RequestEmail"]
