from django.apps import AppConfig


class PrivacyRequestsConfig(AppConfig):
    """Privacy requests (Articles 5-7) live inside `policy/` as an app of their own, so that
    their migrations never collide with the policy versions'."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "policy.requests"
    label = "privacy_requests"
