from wagtail import hooks
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.widgets import AdminPageChooser

from .credits import hidden_credits


class CreatorPageChooserPanel(FieldPanel):
    """A chooser of creator profiles, listed by the name staff know and their consent state.

    works does not import creators: the widget comes from the `register_credit_person_chooser`
    hook (creators registers its chooser); without one, Wagtail's page chooser stands in and
    the credit's `clean()` accepts only a page that answers `credit_name()`."""

    def get_form_options(self):
        options = super().get_form_options()
        widgets = [register() for register in hooks.get_hooks("register_credit_person_chooser")]
        widget = widgets[-1] if widgets else AdminPageChooser()
        options.setdefault("widgets", {})[self.field_name] = widget
        return options


class HiddenCreditsPanel(Panel):
    """Tells the editor which credits visitors do not see now, and why (a creator's consent,
    a suspension, an unpublished profile, an empty line)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "works/admin/hidden_credits.html"

        def is_shown(self):
            return bool(self.instance.pk) and bool(self.hidden)

        @property
        def hidden(self):
            if not hasattr(self, "_hidden"):
                self._hidden = hidden_credits(self.instance) if self.instance.pk else []
            return self._hidden

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["hidden"] = self.hidden
            return context
