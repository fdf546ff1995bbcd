"""The requester's form and the "send me a new link" form: plain Django forms (STYLE.md)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from home.forms import HoneypotMixin, NameField, TextField
from home.personal_data import disclosure_fee_yen

from .models.answers import link_days
from .models.requests import PrivacyRequest


class PrivacyRequestForm(HoneypotMixin):
    kind = forms.ChoiceField(
        label=_("What would you like us to do?"),
        choices=PrivacyRequest.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A disclosure (of your data or of the records of provision to third parties) costs "
            "%(fee)s yen per case (Article 5). Everything else is free."
        ),
    )
    delivery = forms.ChoiceField(
        label=_("How would you like to receive a disclosure?"),
        choices=PrivacyRequest.Delivery.choices,
        initial=PrivacyRequest.Delivery.ELECTRONIC,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Only for a disclosure. Electronically: a download link, valid for %(days)s days and usable "
            "once, to the address below. In writing: a letter by post (reply to our email with "
            "your postal address)."
        ),
    )
    name = NameField(label=pgettext_lazy("person", "Name"), max_length=200)
    email = forms.EmailField(
        label=pgettext_lazy("contact", "Email"),
        max_length=254,
        help_text=_(
            "We send a confirmation link to this address; the request counts once you open it."
        ),
    )
    details = TextField(
        label=_("Details"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What the request is about, e.g. which information should be corrected and how."
        ),
    )

    field_order = ["kind", "delivery", "name", "email", "details", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The settings in force, never a copy of them.
        kind, delivery = self.fields["kind"], self.fields["delivery"]
        kind.help_text = kind.help_text % {"fee": f"{disclosure_fee_yen():,}"}
        delivery.help_text = delivery.help_text % {"days": link_days()}

    def clean_delivery(self):
        return self.cleaned_data.get("delivery") or PrivacyRequest.Delivery.ELECTRONIC

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def clean_details(self):
        details = self.cleaned_data["details"].strip()
        if not details:
            raise forms.ValidationError(_("Please tell us what your request is about."))
        return details


class ResendForm(HoneypotMixin):
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    email = forms.EmailField(
        label=pgettext_lazy("contact", "Email"), max_length=254, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("token") and not cleaned.get("email"):
            raise forms.ValidationError(_("Please enter the email address of your request."))
        return cleaned
