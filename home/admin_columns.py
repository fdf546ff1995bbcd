"""Admin listing columns that read in words.

Wagtail's BooleanColumn draws a tick or a cross titled "True" or "False", and a plain column
prints the bare `True`/`False`: the officer's lists say Yes or No, in the admin's language.
"""

from wagtail.admin.ui.tables import Column

from home.personal_data import human_value


class YesNoColumn(Column):
    def get_value(self, instance):
        return human_value(bool(super().get_value(instance)))
