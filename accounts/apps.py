from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts: second factor (django-otp), login throttling (django-axes), unlocking."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from .audit import keep_personal_data_log_entries_to_the_privacy_role

        keep_personal_data_log_entries_to_the_privacy_role()

        from home.security import nonce_on_chooser_scripts

        nonce_on_chooser_scripts()
