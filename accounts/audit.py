"""The audit trail of personal data is for those who may see personal data.

Wagtail shows a model's log entries (Reports → Site history, its filters and exports) to anyone
holding any permission on that model: an Editor allowed to convert entries would read "Entry #n
exported … by <officer>". Every admin view asks `ModelLogEntryManager.viewable_by_user`, so the
rule is added there: log entries of the models that hold personal data (the personal-data
registry, home.personal_data) are left out for everyone but Privacy officers and superusers.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models.audit_log import ModelLogEntryManager

from home.groups import is_privacy_officer
from home.personal_data import covered_models


def personal_data_content_types():
    return ContentType.objects.get_for_models(*covered_models()).values()


def keep_personal_data_log_entries_to_the_privacy_role():
    wagtails_own = ModelLogEntryManager.viewable_by_user
    if getattr(wagtails_own, "keeps_personal_data_to_the_privacy_role", False):
        return

    def viewable_by_user(self, user):
        entries = wagtails_own(self, user)
        if is_privacy_officer(user):
            return entries
        return entries.exclude(content_type__in=list(personal_data_content_types()))

    viewable_by_user.keeps_personal_data_to_the_privacy_role = True
    ModelLogEntryManager.viewable_by_user = viewable_by_user
