from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.models import PageViewRestriction

        from home.public_pages import refuse_covering_restriction

        pre_save.connect(
            refuse_covering_restriction,
            sender=PageViewRestriction,
            dispatch_uid="home.refuse_covering_restriction",
        )
        from . import checks  # noqa: F401 (registers the personal-data registry check)
