"""Every date and time in the admin in Japan time (TIME_ZONE, Asia/Tokyo).

Wagtail shows the admin in the user's own time zone when their profile names one. The studio
works in Tokyo and the policy's effective moments are Japanese legal facts, so the admin offers
no other zone (WAGTAIL_USER_TIME_ZONES) and a profile never keeps one (this handler; the data
migration home/0006 cleared the ones set before)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.localization import get_available_admin_time_zones
from wagtail_localize.models import StringTranslation


def keep_profiles_in_japan_time(sender, instance, **kwargs):
    if instance.current_time_zone not in get_available_admin_time_zones():
        instance.current_time_zone = ""


def date_localize_segments_in_japan_time():
    """wagtail-localize dates each translated segment ("Translated manually on 1 December 2026")
    with strftime on the stored UTC moment: the Tokyo date of the morning reads as yesterday, with an
    English month. Its one method that writes these dates is replaced by the same sentence with the
    date in Japan time and the admin language's date format."""
    StringTranslation.get_comment = _segment_comment


def _segment_comment(segment):
    date = date_format(timezone.localtime(segment.updated_at), "DATE_FORMAT")
    if segment.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=segment.tool_name, date=date
        )
    if segment.translation_type == segment.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if segment.translation_type == segment.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None
