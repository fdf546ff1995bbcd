from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .admin_views import retry_outbox, romanised_slug_view
from .outbox import OutboxEmail
from .outbox_personal_data import outbox_personal_data
from .reports import AbandonedDraftsView
from .retention import retention_rules
from .translation_workflow import submit_translation
from .translations import StaleTranslationsPanel


@hooks.register("construct_homepage_panels")
def add_stale_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation") or request.user.is_superuser:
        panels.append(StaleTranslationsPanel())


@hooks.register("register_admin_urls")
def register_translation_workflow_urls():
    return [
        path(
            "translations/<int:translation_id>/submit/",
            submit_translation,
            name="submit_translation_to_workflow",
        ),
        path("romanised-slug/", romanised_slug_view, name="romanised_slug"),
        path("outbox/retry/", retry_outbox, name="outbox_retry"),
    ]


@hooks.register("insert_editor_js")
def romanised_slug_script():
    return format_html(
        '<span hidden data-romanised-slug-url="{}"></span><script src="{}" defer></script>',
        reverse("romanised_slug"),
        static("js/admin-romanised-slug.js"),
    )


@hooks.register("register_admin_urls")
def register_abandoned_drafts_report():
    return [
        path("reports/abandoned-drafts/", AbandonedDraftsView.as_view(), name="abandoned_drafts"),
        path(
            "reports/abandoned-drafts/results/",
            AbandonedDraftsView.as_view(results_only=True),
            name="abandoned_drafts_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_abandoned_drafts_menu_item():
    return MenuItem(
        _("Abandoned drafts"), reverse("abandoned_drafts"), icon_name="doc-empty", order=750
    )


@hooks.register("register_retention_rules")
def home_retention_rules():
    return retention_rules()


hooks.register("register_personal_data", outbox_personal_data)


class EmailBacklogPanel(Component):
    """Unsent email on the officers' dashboard: failed, or waiting longer than the worker should."""

    name = "email_backlog"
    order = 45
    template_name = "wagtailadmin_panels/email_backlog.html"

    def get_context_data(self, parent_context):
        backlog = OutboxEmail.objects.backlog().order_by("created_at")
        return {
            "backlog_count": backlog.count(),
            "oldest": backlog[:10],
            "gave_up": backlog.filter(next_attempt_at__isnull=True).count(),
        }


@hooks.register("construct_homepage_panels")
def add_email_backlog_panel(request, panels):
    if request.user.has_perm("home.change_outboxemail"):
        panels.append(EmailBacklogPanel())


@hooks.register("before_serve_page")
def pages_are_public_unless_personal(page, request, serve_args, serve_kwargs):
    # The page cache (home.page_cache) may keep the answer, if it turns out to hold nothing
    # secret or personal once rendered.
    request.page_cache_candidate = True
