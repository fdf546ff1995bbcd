from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AITool, WorkCategory, WorkPage


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


def featured_works(home_page):
    """The home page's featured works that a visitor may see, in the editor's order."""
    # A translated home page may still point at the other language's works: match them by
    # translation key and show the ones in this home page's language.
    featured = home_page.featured_works.select_related("page")
    order = {item.page.translation_key: item.sort_order for item in featured}
    works = WorkPage.objects.visible().filter(
        locale_id=home_page.locale_id, translation_key__in=list(order)
    )
    return sorted(works, key=lambda work: order[work.translation_key])


@hooks.register("register_home_section")
def home_featured_works(home_page, request):
    """The works the editor features on the home page, before the latest news."""
    works = featured_works(home_page)
    if not works:
        return None
    return (10, render_to_string("works/home-featured-works.html", {"works": works}, request))
