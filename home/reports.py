"""The "Abandoned drafts" report: new pages that autosave stored and nobody finished.

Wagtail's autosave creates a draft page as soon as an editor types into a new page's form; an
editor who walks away leaves that draft in the tree. Autosave itself is worth keeping (nothing
typed is lost), so the drafts are listed here for someone to finish or delete.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def abandoned_after():
    return datetime.timedelta(hours=getattr(settings, "ABANDONED_DRAFT_HOURS", 24))


def abandoned_drafts(pages=None):
    """Never-published pages untouched for a while, not waiting in a workflow and not a
    translation that wagtail-localize is still filling in."""
    pages = Page.objects.all() if pages is None else pages
    in_workflow = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    being_translated = Translation.objects.filter(
        enabled=True,
        target_locale_id=OuterRef("locale_id"),
        source__object_id=OuterRef("translation_key"),
    )
    return (
        pages.filter(
            live=False,
            first_published_at__isnull=True,
            latest_revision_created_at__lt=timezone.now() - abandoned_after(),
        )
        .exclude(Exists(in_workflow))
        .exclude(Exists(being_translated))
        .order_by("latest_revision_created_at")
    )


class AbandonedDraftsView(PageReportView):
    page_title = _("Abandoned drafts")
    header_icon = "doc-empty"
    index_url_name = "abandoned_drafts"
    index_results_url_name = "abandoned_drafts_results"
    results_template_name = "wagtailadmin_reports/abandoned_drafts_results.html"

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = abandoned_drafts(pages).select_related("locale").specific(defer=True)
        return super().get_queryset()
