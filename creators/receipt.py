"""The consent receipt: what a person agreed to, shown after sending and emailed to them."""

from wagtail.models import Site

from home.models import SiteSettings

from .choices import POLICY, PUBLISHING_CONSENTS


def receipt_context(entry, request=None):
    """Everything the receipt states, from the stored consent records (not from the form)."""
    consents = list(entry.consents.select_related("policy_version").order_by("at", "pk"))
    policy = next((c for c in consents if c.what == POLICY), None)
    publishing = [c for c in consents if c.what in PUBLISHING_CONSENTS]
    language = entry.language
    site = (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )
    root_url = site.root_url if site else ""
    version = policy.policy_version if policy else None
    return {
        "entry": entry,
        "policy_consent": policy,
        "policy_version": version,
        "policy_url": root_url
        + (version.get_absolute_url() if version else f"/{language}/privacy-policy/"),
        "allowed": [c for c in publishing if c.given],
        "not_allowed": [c for c in publishing if not c.given],
        "requests_url": f"{root_url}/{language}/privacy-requests/",
        "inquiry": SiteSettings.load(request_or_site=request or site),
        "language": language,
    }
