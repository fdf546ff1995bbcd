from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished


class CreatorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "creators"

    def ready(self):
        # Imported once the app registry is ready (Django's idiom): these modules load models.
        from .models import Consent, Creator, CreatorPage
        from .signals import consent_recorded, creator_changed, creators_changed

        post_save.connect(creator_changed, sender=Creator, dispatch_uid="creators.cache")
        post_save.connect(consent_recorded, sender=Consent, dispatch_uid="creators.cache")
        # Before its pages lose the link to it.
        pre_delete.connect(creator_changed, sender=Creator, dispatch_uid="creators.cache")
        for signal in (post_delete, page_published, page_unpublished):
            signal.connect(creators_changed, sender=CreatorPage, dispatch_uid="creators.cache")
