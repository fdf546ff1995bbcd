from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AITool, WorkCategory


class AIToolViewSet(SnippetViewSet):
    model = AITool
    icon = "cogs"
    list_display = ["name", "locale"]
    search_fields = ["name"]


class WorkCategoryViewSet(SnippetViewSet):
    model = WorkCategory
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class WorksViewSetGroup(SnippetViewSetGroup):
    items = (WorkCategoryViewSet, AIToolViewSet)
    menu_icon = "media"
    menu_label = _("Works lists")
    menu_name = "works-lists"


register_snippet(WorksViewSetGroup)
