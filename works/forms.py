from django.utils.translation import gettext_lazy as _

from home.page_forms import BasePageForm

from .taxonomy import in_locale, offered

LOCALISED_CHOICES = ("categories", "ai_tools")


class WorkPageForm(BasePageForm):
    """A work offers the categories and AI tools of its own language only: an English work
    ticked with a Japanese category would show Japanese on the English site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in LOCALISED_CHOICES:
            if name in self.fields:
                field = self.fields[name]
                field.queryset = offered(field.queryset, self.instance.locale_id)
                field.help_text = _(
                    "Only this language's entries are listed. Missing one? Translate it in "
                    "Works lists first."
                )
                items = list(getattr(self.instance, name).all())
                self.initial[name] = [item.pk for item in in_locale(items, self.instance.locale_id)]
