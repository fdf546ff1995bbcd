from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published


class PolicyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "policy"
    verbose_name = _("Privacy policy")

    def ready(self):
        # Imported once the app registry is ready (Django's idiom): these modules load models.
        from wagtail.models import Revision

        from policy.models import PolicyPage
        from policy.schedule import policy_published, revision_saved
        from policy.signal_handlers import page_created
        from policy.versioning import record_version

        page_published.connect(record_version, sender=PolicyPage, dispatch_uid="policy_version")
        post_save.connect(page_created, sender=PolicyPage, dispatch_uid="policy_workflow")
        post_save.connect(revision_saved, sender=Revision, dispatch_uid="policy_schedule")
        page_published.connect(policy_published, sender=PolicyPage, dispatch_uid="policy_schedule")
