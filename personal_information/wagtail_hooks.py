"""The dashboard flags what editors must still fill in for the retained-personal-data page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from home.models import NavigationSettings, SiteSettings

from .models import PersonalInformationPage, PersonalInformationSettings


def missing_matters():
    """[(label, admin url)] of the empty settings the public page needs."""
    site = SiteSettings.load()
    notice = PersonalInformationSettings.load()
    missing = []
    for language in ("ja", "en"):
        if not getattr(site, f"representative_{language}").strip():
            url = reverse("wagtailsettings:edit", args=["home", "sitesettings"])
            missing.append((_("Representative (%(language)s)") % {"language": language}, url))
    url = reverse(
        "wagtailsettings:edit", args=["personal_information", "personalinformationsettings"]
    )
    missing += [(label, url) for label in notice.missing()]
    # The page is linked from the footer, which editors choose: say so when it is not.
    pages = PersonalInformationPage.objects.values("pk")
    if not NavigationSettings.load().footer_links.filter(page__in=pages).exists():
        url = reverse("wagtailsettings:edit", args=["home", "navigationsettings"])
        missing.append((_("A footer link to the page of retained personal data"), url))
    return missing


class MissingMattersPanel(Component):
    name = "personal_information_missing"
    order = 60
    template_name = "wagtailadmin_panels/personal_information_missing.html"

    def get_context_data(self, parent_context):
        return {"missing": missing_matters(), "heading": _("Retained personal data: to fill in")}


@hooks.register("construct_homepage_panels")
def add_missing_matters_panel(request, panels):
    if request.user.has_perm("personal_information.change_personalinformationsettings"):
        panels.append(MissingMattersPanel())
