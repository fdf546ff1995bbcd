from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalInformationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "personal_information"
    verbose_name = _("Retained personal data")
