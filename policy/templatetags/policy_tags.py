"""Moments in the policy's history, shown in Japan time with a machine-readable offset."""

import zoneinfo

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

FORMATS = {"ja": "Y年n月j日 H:i:s", "en": "j F Y, H:i:s"}
# Always Japan time: the label says JST whatever time zone a request may have activated.
JAPAN = zoneinfo.ZoneInfo("Asia/Tokyo")


@register.simple_tag
def policy_time(value):
    """<time datetime="2026-11-25T10:00:00+09:00">…</time> in the site's time zone (JST)."""
    local = timezone.localtime(value, JAPAN)
    language = "ja" if (get_language() or "ja").startswith("ja") else "en"
    return format_html(
        '<time datetime="{}">{} JST</time>',
        local.isoformat(timespec="seconds"),
        format_date(local, FORMATS[language]),
    )
