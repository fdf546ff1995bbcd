"""Factories for the page of retained personal data."""

import wagtail_factories

from personal_information.models import PersonalInformationPage


class PersonalInformationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PersonalInformationPage

    title = "保有個人データに関する事項"
    slug = "personal-information"
