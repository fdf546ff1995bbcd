from django.apps import AppConfig


class PrivacyRequestsConfig(AppConfig):
    """Privacy requests (Articles 5-7 of the policy): disclosure, correction, deletion, suspension."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy_requests"
    label = "privacy_requests"
