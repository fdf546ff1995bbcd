"""Every date and time in the admin in Japan time (TIME_ZONE, Asia/Tokyo).

Wagtail shows the admin in the user's own time zone when their profile names one. The studio
works in Tokyo and the policy's effective moments are Japanese legal facts, so the admin offers
no other zone (WAGTAIL_USER_TIME_ZONES) and a profile never keeps one (this handler; the data
migration home/0006 cleared the ones set before)."""

from wagtail.admin.localization import get_available_admin_time_zones


def keep_profiles_in_japan_time(sender, instance, **kwargs):
    if instance.current_time_zone not in get_available_admin_time_zones():
        instance.current_time_zone = ""
