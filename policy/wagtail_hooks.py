"""Admin side of the policy: the live policy stays up, versions are read-only, demo content."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.personal_data import human_value
from policy.models import PolicyPage
from policy.permissions import PolicyPublishRefused
from policy.schedule import next_go_live, publish_if_due
from policy.versions import PolicyVersion


def live_policy_pages_within(page):
    return PolicyPage.objects.live().descendant_of(page, inclusive=True)


def refuse(request, page, message):
    messages.error(request, message)
    return redirect("wagtailadmin_explore", page.get_parent().pk if page.depth > 1 else page.pk)


def keep_live_policy(message):
    """A before_delete/before_unpublish hook: a page with the live policy in or under it stays.
    The message is translated when the hook runs, in the admin language the view switched to."""

    def hook(request, page):
        if live_policy_pages_within(page).exists():
            return refuse(request, page, str(message))
        return None

    return hook


hooks.register(
    "before_delete_page",
    keep_live_policy(
        gettext_lazy(
            "The privacy policy in force cannot be deleted: visitors must always be able to "
            "read it, and every posted version is kept. Publish a new revision to change it."
        )
    ),
)
hooks.register(
    "before_unpublish_page",
    keep_live_policy(
        gettext_lazy(
            "The privacy policy in force cannot be unpublished: visitors must always be able "
            "to read it. Publish a new revision to change it."
        )
    ),
)


@hooks.register("before_bulk_action")
def keep_live_policy_in_bulk(request, action_type, objects, action_class_instance):
    if action_type not in ("delete", "unpublish"):
        return None
    for page in objects:
        if isinstance(page, Page) and live_policy_pages_within(page).exists():
            messages.error(
                request, _("The privacy policy in force cannot be deleted or unpublished.")
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Versions are evidence: nobody, superusers included, adds, changes or deletes one here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(PolicyVersion, ReadOnlyPermissionPolicy(PolicyVersion))


class PolicyVersionInspectView(generic.InspectView):
    def get_effective_at_display_value(self):
        # Japan time, said so: the moment the version took effect, as visitors were told it.
        return human_value(self.object.effective_at)

    def get_revision_display_value(self):
        # Wagtail's Revision.__str__ prints its creation moment in UTC ("… at 2026-12-01 15:30+00:00").
        revision = self.object.revision
        if revision is None:
            return human_value(None)
        return _("Revision %(number)s, saved %(moment)s") % {
            "number": revision.pk,
            "moment": human_value(revision.created_at),
        }


class PolicyVersionViewSet(ModelViewSet):
    model = PolicyVersion
    icon = "history"
    menu_label = gettext_lazy("Policy versions")
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    inspect_view_class = PolicyVersionInspectView
    copy_view_enabled = False
    list_display = ["title", "locale", "number", "effective_at", "summary_of_changes"]
    list_filter = ["locale"]
    inspect_view_fields = [
        "title",
        "locale",
        "number",
        "effective_at",
        "summary_of_changes",
        "translates",
        "revision",
        "body_text",
    ]
    # Add/edit/delete views exist in ModelViewSet but the registered policy refuses them to all.
    form_fields = ["summary_of_changes"]


@hooks.register("register_admin_viewset")
def register_policy_versions():
    return PolicyVersionViewSet("policy_versions")


@hooks.register("before_publish_page")
def publish_policy_through_the_gate(request, page):
    """Wagtail's edit view publishes by running its publish action directly, outside any
    transaction and around `PolicyPage.publish`; send the policy through the gate instead, so
    the page going live and its version are one transaction and the Legal rule is checked."""
    if not isinstance(page, PolicyPage):
        return None
    revision = page.get_latest_revision()
    try:
        revision.publish(user=request.user)
    except PolicyPublishRefused as refused:
        messages.error(request, refused.message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    page = PolicyPage.objects.get(pk=page.pk)
    # Wagtail's own words, so its Japanese catalogue translates them.
    if page.live_revision_id == revision.pk:
        message = _("Page '%(page_title)s' has been published.")
    else:
        message = _("Page '%(page_title)s' has been scheduled for publishing.")
    messages.success(request, message % {"page_title": page.get_admin_display_title()})
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("page_cache_miss")
def publish_due_policy_revision(request):
    # Article 8 under the page cache: no copy outlives a go-live moment (home.page_cache), so
    # the first request after it renders, and publishes the revision before it does.
    return publish_if_due()


@hooks.register("page_cache_fresh_until")
def next_policy_go_live():
    # No shared cache may keep a page past the moment a scheduled revision takes effect.
    return next_go_live()
