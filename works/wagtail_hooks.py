from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AITool, WorkCategory
from .queries import featured_works


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


@hooks.register("register_home_section")
def home_featured_works(home_page, request):
    """The works the editor features on the home page, before the latest news."""
    works = featured_works(home_page)
    if not works:
        return None
    return (10, render_to_string("works/home-featured-works.html", {"works": works}, request))
