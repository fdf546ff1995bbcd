"""Admin listing columns and detail pages that read in words.

Wagtail's BooleanColumn draws a tick or a cross titled "True" or "False", and a plain column
prints the bare `True`/`False`: the officer's lists say Yes or No, in the admin's language.
Wagtail's generic detail page prints a moment through `|localize`, which skips the time-zone
conversion (a UTC time with no zone named): `InWordsInspectView` gives it in Japan time, said so,
and Yes/No, lists and nothing in words. `row_button` makes a row's extra buttons the one way.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import ListingButton

from home.personal_data import human_value


class YesNoColumn(Column):
    def get_value(self, instance):
        return human_value(bool(super().get_value(instance)))


def notified_column():
    """Whether every email about a record has left (home.outbox.EmailedRecord)."""
    return YesNoColumn("notified", label=_("Notified"))


def do_not_contact_column():
    """A record from an address under a suspension request: the form took it like any other
    (nobody learns of the request), so this flag is how the officer learns of it."""
    return YesNoColumn("suspended", label=_("Do not contact"))


class InWordsInspectView(generic.InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, (bool, type(None), list, dict)) or hasattr(value, "tzinfo"):
            return human_value(value)
        return value


def row_button(label, url_name, *args, icon, priority):
    """A button of a listing row's "more" menu, leading to the admin URL `url_name`."""
    return ListingButton(label, url=reverse(url_name, args=args), icon_name=icon, priority=priority)
