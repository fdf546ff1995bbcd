from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "policy"
    verbose_name = _("Privacy policy")

    def ready(self):
        from wagtail.signals import page_published

        from policy.models import PolicyPage
        from policy.versioning import record_version

        page_published.connect(record_version, sender=PolicyPage, dispatch_uid="policy_version")
        from django.db.models.signals import post_save

        from policy.signal_handlers import page_created

        post_save.connect(page_created, sender=PolicyPage, dispatch_uid="policy_workflow")
        from wagtail.models import Revision

        from policy.schedule import policy_published, revision_saved

        post_save.connect(revision_saved, sender=Revision, dispatch_uid="policy_schedule")
        page_published.connect(policy_published, sender=PolicyPage, dispatch_uid="policy_schedule")
