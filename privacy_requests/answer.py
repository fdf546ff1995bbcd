"""The answer to a disclosure request, written for the person who asked.

One builder serves both deliveries: the electronic answer (a ZIP with `answer.html` and
`answer.json`, released behind a single-use link) and the written answer the officer prints and
posts (the same HTML with its print stylesheet). Everything is in the requester's language, times in
Japan time, records in words from each data holder's `describe`; no confirmation tokens, nonces or
internal record ids.
"""

import io
import json
import zipfile

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from home.models import SiteSettings
from home.personal_data import human_value
from policy.versions import version_in_force

from .models import PrivacyRequestPage
from .personal_data import sections_for


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL + path


def _policy(language):
    version = version_in_force(language)
    if version is None:
        return None
    return {
        "number": version.number,
        "in_force_since": human_value(version.effective_at),
        "url": _absolute(version.get_absolute_url()),
    }


def _request_page_url(language):
    page = PrivacyRequestPage.objects.live().filter(locale__language_code=language).first()
    return page.full_url if page else ""


def build(privacy_request, now=None):
    """The answer's content, in the requester's language (call inside translation.override)."""
    now = now or timezone.now()
    window = SiteSettings.load()
    sections = sections_for(privacy_request)
    return {
        "privacy_request": privacy_request,
        "request": {
            "number": privacy_request.pk,
            "kind": privacy_request.get_kind_display(),
            "received": human_value(privacy_request.received_at),
            "answered": human_value(now),
        },
        "answered_by": {
            "company": window.company,
            "department": window.department,
            "address": window.address,
            "email": window.email,
        },
        "sections": sections,
        "found": bool(sections),
        "policy": _policy(privacy_request.language),
        "request_page_url": _request_page_url(privacy_request.language),
        "language": privacy_request.language,
    }


def as_json(context):
    data = {
        "request": context["request"],
        "answered_by": context["answered_by"],
        "privacy_policy": context["policy"],
        "records": [
            {
                "key": section.key,
                "title": section.title,
                "purpose": section.purpose,
                "records": [
                    {key: {"label": label, "value": value} for key, label, value in record}
                    for record in section.records
                ],
            }
            for section in context["sections"]
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_html(privacy_request, now=None, printable=False):
    with translation.override(privacy_request.language), timezone.override("Asia/Tokyo"):
        context = build(privacy_request, now)
        context["printable"] = printable
        return render_to_string("privacy_requests/answer/answer.html", context), context


def build_zip(privacy_request, now=None):
    """(file name, bytes, number of records) for the electronic answer."""
    html, context = render_html(privacy_request, now)
    with translation.override(privacy_request.language):
        data = as_json(context)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("answer.html", html)
        archive.writestr("answer.json", data)
    count = sum(len(section.records) for section in context["sections"])
    return f"allin-studio-answer-{privacy_request.pk}.zip", buffer.getvalue(), count
