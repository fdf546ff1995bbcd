from django.urls import path
from wagtail import hooks

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
        )
    ]
