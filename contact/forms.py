"""The business inquiry form: what a client tells us, and their agreement to the policy."""

import hashlib

from django import forms
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.forms import PHONE, HoneypotMixin, LineField, NameField, TextField

from .choices import BUDGETS, PROJECT_KINDS


def consent_wording(language_code, version):
    """The exact sentence beside the consent box, in `language_code`; its hash is evidence."""
    with translation.override(language_code):
        if version is None:
            return gettext(
                "I have read the privacy policy and agree that you use these details to "
                "answer my inquiry."
            )
        moment = date_format(timezone.localtime(version.effective_at), "DATETIME_FORMAT")
        return gettext(
            "I have read the privacy policy (version %(number)s, in force since %(moment)s) "
            "and agree that you use these details to answer my inquiry."
        ) % {"number": version.number, "moment": moment}


def wording_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class InquiryForm(HoneypotMixin):
    company = LineField(label=_("Company or organisation"), max_length=120)
    name = NameField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = LineField(label=_("Phone"), max_length=30, required=False)
    project_kind = forms.ChoiceField(
        label=_("Kind of project"), choices=[("", "---------"), *PROJECT_KINDS]
    )
    budget = forms.ChoiceField(label=_("Budget range"), choices=[("", "---------"), *BUDGETS])
    message = TextField(
        label=_("Message"),
        max_length=5000,
        help_text=_("What you would like to make, when, and anything we should know."),
    )
    agree_policy = forms.BooleanField(label="", required=True)
    policy_version_shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, language_code, policy_version, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_code = language_code
        self.policy_version = policy_version
        self.wording = consent_wording(language_code, policy_version)
        self.fields["agree_policy"].label = self.wording
        self.fields["agree_policy"].error_messages["required"] = _(
            "Please agree to the privacy policy to send your inquiry."
        )
        self.fields["phone"].validators.append(self.validate_phone)
        self.shown_version = str(policy_version.number) if policy_version else ""
        self.fields["policy_version_shown"].initial = self.shown_version

    @staticmethod
    def validate_phone(value):
        if value and not PHONE.match(value):
            raise forms.ValidationError(
                _("Enter a phone number with digits, spaces, +, - or brackets."), code="phone"
            )

    def clean(self):
        cleaned = super().clean()
        if self.data.get("policy_version_shown", "") != self.shown_version:
            self.add_error(
                "agree_policy",
                _(
                    "The privacy policy changed while you were filling in the form. Please read "
                    "the version now in force and agree to it again."
                ),
            )
            self.data = self.data.copy()
            self.data["policy_version_shown"] = self.shown_version
            self.data.pop("agree_policy", None)
        return cleaned
