from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts: second factor (django-otp), login throttling (django-axes), unlocking."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        # Imported once the app registry is ready (Django's idiom): these modules load models.
        from home.security import nonce_on_chooser_scripts

        from .audit import keep_personal_data_log_entries_to_the_privacy_role

        keep_personal_data_log_entries_to_the_privacy_role()
        nonce_on_chooser_scripts()
