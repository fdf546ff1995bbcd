from django.apps import apps
from wagtail.admin.panels import PageChooserPanel

CREATOR_PAGE = ("creators", "CreatorPage")


class CreatorPageChooserPanel(PageChooserPanel):
    """A page chooser limited to creator pages. works does not import creators: the model is
    looked up by name when the form is built, and any page may be chosen until it exists."""

    def get_form_options(self):
        try:
            apps.get_model(*CREATOR_PAGE)
            self.page_type = ".".join(CREATOR_PAGE)
        except LookupError:
            self.page_type = None
        return super().get_form_options()
