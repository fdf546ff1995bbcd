"""The receipt of an inquiry: what was sent and the policy agreed to, on screen and by email."""

from wagtail.models import Site

from home.models import SiteSettings


def receipt_context(inquiry, request=None):
    site = (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )
    root_url = site.root_url if site else ""
    version = inquiry.policy_version
    language = inquiry.language
    return {
        "inquiry": inquiry,
        "policy_version": version,
        "policy_url": root_url
        + (version.get_absolute_url() if version else f"/{language}/privacy-policy/"),
        "requests_url": f"{root_url}/{language}/privacy-requests/",
        "inquiry_window": SiteSettings.load(request_or_site=request or site),
    }
