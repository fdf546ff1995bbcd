from wagtail import hooks

from .translations import StaleTranslationsPanel


@hooks.register("construct_homepage_panels")
def add_stale_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation") or request.user.is_superuser:
        panels.append(StaleTranslationsPanel())


@hooks.register("register_retention_rules")
def home_retention_rules():
    from .retention import retention_rules

    return retention_rules()
