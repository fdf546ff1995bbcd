"""The chooser editors use to credit a person on a work.

It lists creator profiles by the name staff know them by, with whether their name may be shown
now, and nothing else of the person: no email, no phone (only the Privacy officers group sees
those). It opens on the creators themselves, not on the page tree (Wagtail's page chooser opened
at Root and listed internal titles such as 「クリエイター 1d859b18」)."""

from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from .models import CreatorPage


class CreatorSearchForm(LocaleFilterMixin, BaseFilterForm):
    q = forms.CharField(
        label=pgettext_lazy("creator chooser", "Name"),
        widget=forms.TextInput(attrs={"placeholder": _("Name or stage name")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            # Names only: searching by email would let an editor confirm an address.
            objects = objects.filter(
                Q(creator__name__icontains=query) | Q(creator__stage_name__icontains=query)
            )
            self.is_searching = True
            self.search_query = query
        return objects


def consent_state(page):
    reason = page.credit_hidden_reason()
    if reason:
        return reason
    if not page.live:
        return _("Name consented; the profile is not published, so credits stay hidden.")
    return _("Name shown in credits.")


class CreatorChooseMixin:
    filter_form_class = CreatorSearchForm
    ordering = ["creator__name", "pk"]

    def get_object_list(self):
        return CreatorPage.objects.select_related("creator", "locale")

    def filter_object_list(self, objects):
        pages = list(super().filter_object_list(objects))
        CreatorPage.prefetch_for_credits(pages)  # consent states for the whole page at once
        return pages

    @property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=pgettext_lazy("creator chooser", "Name"),
                accessor=lambda page: page.credit_staff_label(),
                get_url=lambda page: self.append_preserved_url_parameters(
                    reverse(self.chosen_url_name, args=(quote(page.pk),))
                ),
                link_attrs={"data-chooser-modal-choice": True},
            ),
            Column("state", label=_("Name in credits"), accessor=consent_state),
            Column("locale", label=_("Language"), accessor=lambda page: page.locale),
        ]


class CreatorChooseView(CreatorChooseMixin, ChooseView):
    pass


class CreatorChooseResultsView(CreatorChooseMixin, ChooseResultsView):
    pass


class CreatorChooserWidget(BaseChooser):
    """Shows the chosen person by the name staff know (the page title is an internal label)."""

    def get_instance(self, value):
        if value is None:
            return None
        pk = getattr(value, "pk", value)
        return CreatorPage.objects.select_related("creator").filter(pk=pk).first()

    def get_display_title(self, instance):
        return instance.credit_staff_label()


class CreatorChooserViewSet(ChooserViewSet):
    model = CreatorPage
    icon = "user"
    choose_one_text = _("Choose a creator")
    choose_another_text = _("Choose another creator")
    edit_item_text = _("Edit profile")
    choose_view_class = CreatorChooseView
    choose_results_view_class = CreatorChooseResultsView
    base_widget_class = CreatorChooserWidget
    per_page = 50
    # Credits link a Page (works knows nothing of creators); the panel asks for this widget.
    register_widget = False


creator_chooser_viewset = CreatorChooserViewSet("creator_chooser")
