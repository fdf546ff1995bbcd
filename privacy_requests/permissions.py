"""Only the Privacy officers group (and superusers) see privacy requests (invariant 6).

The group is checked as well as the model permissions, so that handing an Editor the
"view privacy request" permission by mistake does not open the queue to them. Nobody adds, edits
or deletes requests in the admin: they arrive from the public form and end by anonymisation.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from home.groups import PRIVACY_OFFICERS, is_privacy_officer

OFFICER_ACTIONS = {"view", "process"}


class PrivacyOfficerPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in OFFICER_ACTIONS and is_privacy_officer(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not OFFICER_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=PRIVACY_OFFICERS), is_active=True)
            .distinct()
        )
