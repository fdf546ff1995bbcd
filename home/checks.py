"""`manage.py check` builds every personal-data handler, so a handler that forgets its eraser,
its description or its retention stops a deployment instead of silently erasing nothing."""

from django.core.checks import Error, register
from wagtail import hooks


@register()
def personal_data_handlers_are_complete(app_configs, **kwargs):
    errors = []
    names = set()
    for register_handler in hooks.get_hooks("register_personal_data"):
        try:
            handler = register_handler()
        except (TypeError, ValueError) as error:
            errors.append(Error(str(error), obj=register_handler, id="home.E001"))
            continue
        if handler.name in names:
            errors.append(Error(f"two handlers named {handler.name!r}", id="home.E002"))
        names.add(handler.name)
    return errors
