"""Translations that are behind their source page.

wagtail-localize copies a source page into a translation once; when the source is published again,
the translation is not updated until an editor syncs it ("Sync translated pages"), which is easy to
forget (wagtail-localize#789). The admin dashboard lists those pages so editors see them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def pages_with_stale_translations():
    """Live source pages published after their content was last sent to translation."""
    synced_at = {
        (source.object_id, source.locale_id): source.last_updated_at
        for source in TranslationSource.objects.filter(translations__isnull=False).distinct()
    }
    if not synced_at:
        return []
    candidates = (
        Page.objects.live()
        .filter(translation_key__in={key for key, _ in synced_at})
        .select_related("locale")
    )
    return [
        page
        for page in candidates
        if (page.translation_key, page.locale_id) in synced_at
        and page.last_published_at
        and page.last_published_at > synced_at[(page.translation_key, page.locale_id)]
    ]


class StaleTranslationsPanel(Component):
    name = "stale_translations"
    order = 150
    template_name = "wagtailadmin_panels/stale_translations.html"
    heading = _("Translations behind their source")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["pages"] = pages_with_stale_translations()
        context["heading"] = self.heading
        return context
