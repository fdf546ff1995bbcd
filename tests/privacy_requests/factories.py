"""Factories for the privacy requests page and records."""

import factory
import wagtail_factories

from privacy_requests.models import PrivacyRequest, PrivacyRequestPage


class PrivacyRequestPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrivacyRequestPage

    title = "個人情報の開示等の請求"
    slug = "privacy-requests"
    intro = "<p>開示・訂正・削除・利用停止のご請求はこちらから。</p>"


class PrivacyRequestFactory(factory.django.DjangoModelFactory):
    """An unconfirmed request; call `.confirm()` and save to open it."""

    class Meta:
        model = PrivacyRequest

    kind = PrivacyRequest.Kind.OTHER
    name = factory.Sequence(lambda n: f"請求者 {n}")
    email = factory.Sequence(lambda n: f"requester{n}@example.com")
    details = "Please tell me what you hold."
    language = "ja"
