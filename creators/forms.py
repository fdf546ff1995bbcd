"""The creator entry form (privacy policy Article 3.8) and the admin's consent form.

Text is kept exactly as typed (emoji, full-width characters, HTML-like text in free fields) and
always rendered escaped; what cannot be stored safely is refused with a message beside the field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from home.forms import CheckboxesField, LineField, NameField, PhoneField, TextField, WebAddressField
from policy.consent_forms import PolicyConsentForm
from works.models import AITool
from works.taxonomy import offered

from .choices import (
    ADMIN_CONSENT_CHOICES,
    EXPERTISE_CHOICES,
    LANGUAGE_CHOICES,
    POLICY,
    PROVIDED_ITEM_CHOICES,
    PUBLISH_ACHIEVEMENTS,
    PUBLISH_EXPERTISE,
    PUBLISH_NAME,
)
from .consent import consent_wording


class EntryForm(PolicyConsentForm):
    name = NameField(label=pgettext_lazy("person", "Name"), max_length=100)
    stage_name = NameField(
        label=_("Stage name"),
        max_length=100,
        required=False,
        help_text=_("If you publish under another name. Shown instead of your name."),
    )
    email = forms.EmailField(label=pgettext_lazy("contact", "Email"), max_length=254)
    phone = PhoneField(label=_("Phone"), max_length=30, required=False)
    expertise = CheckboxesField(
        label=_("Areas of expertise"), choices=EXPERTISE_CHOICES, required=False
    )
    expertise_other = LineField(label=_("Other areas of expertise"), max_length=200, required=False)
    portfolio_url = WebAddressField(label=_("Portfolio URL"), max_length=500, assume_scheme="https")
    ai_tools = forms.ModelMultipleChoiceField(
        label=_("AI tools you use"),
        queryset=AITool.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ai_tools_other = LineField(label=_("Other AI tools"), max_length=200, required=False)
    achievements = TextField(label=_("Past achievements"), max_length=3000, required=False)
    message = TextField(label=_("Message"), max_length=3000, required=False)
    publish_name = forms.BooleanField(label="", required=False)
    publish_expertise = forms.BooleanField(label="", required=False)
    publish_achievements = forms.BooleanField(label="", required=False)

    consent_fields = {
        "agree_policy": POLICY,
        "publish_name": PUBLISH_NAME,
        "publish_expertise": PUBLISH_EXPERTISE,
        "publish_achievements": PUBLISH_ACHIEVEMENTS,
    }

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ai_tools"].queryset = offered(AITool.objects.order_by("name"), locale)
        self.wordings = {}
        for field_name, what in self.consent_fields.items():
            wording = consent_wording(what, self.language_code, self.policy_version)
            self.wordings[what] = wording
            self.fields[field_name].label = wording
        self.fields["agree_policy"].error_messages["required"] = _(
            "Please agree to the privacy policy to send your entry."
        )

    def consents(self):
        """[(what, given, wording)] for every consent box shown."""
        return [
            (what, bool(self.cleaned_data.get(field_name)), self.wordings[what])
            for field_name, what in self.consent_fields.items()
        ]


class AdminConsentForm(forms.Form):
    """An officer records a consent given or withdrawn on the creator's written request."""

    what = forms.ChoiceField(label=_("Consent"), choices=ADMIN_CONSENT_CHOICES)
    given = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("0", _("Withdrawn")), ("1", _("Given"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("Language of the request"), choices=LANGUAGE_CHOICES)
    note = forms.CharField(
        label=_("Reference"),
        max_length=300,
        required=False,
        help_text=_("Where the written request is filed (no personal data)."),
    )


class IntroductionForm(forms.Form):
    """What staff record when they introduce a creator to a client (APPI Art. 29)."""

    provided_on = forms.DateField(
        label=_("Date of the introduction"), widget=forms.DateInput(attrs={"type": "date"})
    )
    recipient = forms.CharField(label=_("Recipient"), max_length=200)
    recipient_address = forms.CharField(
        label=_("Recipient's address"),
        max_length=250,
        required=False,
        help_text=_("For a company: its address and representative."),
    )
    items = forms.MultipleChoiceField(
        label=_("Items given"), choices=PROVIDED_ITEM_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    consent_for_this_one = forms.TypedChoiceField(
        label=_("Consent"),
        choices=[
            ("0", _("The creator's standing consent to introductions (must be in force)")),
            ("1", _("The creator consented in writing to this introduction (recorded now)")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
