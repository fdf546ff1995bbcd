from wagtail import hooks

from .translations import StaleTranslationsPanel


@hooks.register("construct_homepage_panels")
def add_stale_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation") or request.user.is_superuser:
        panels.append(StaleTranslationsPanel())
