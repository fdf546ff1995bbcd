"""The business inquiry form: what a client tells us, and their agreement to the policy."""

from django import forms
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.forms import LineField, NameField, PhoneField, TextField
from policy.consent_forms import PolicyConsentForm, wording_hash

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


class InquiryForm(PolicyConsentForm):
    company = LineField(label=_("Company or organisation"), max_length=120)
    name = NameField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = PhoneField(label=_("Phone"), max_length=30, required=False)
    project_kind = forms.ChoiceField(
        label=_("Kind of project"), choices=[("", "---------"), *PROJECT_KINDS]
    )
    budget = forms.ChoiceField(label=_("Budget range"), choices=[("", "---------"), *BUDGETS])
    message = TextField(
        label=_("Message"),
        max_length=5000,
        help_text=_("What you would like to make, when, and anything we should know."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wording = consent_wording(self.language_code, self.policy_version)
        self.fields["agree_policy"].label = self.wording
        self.fields["agree_policy"].error_messages["required"] = _(
            "Please agree to the privacy policy to send your inquiry."
        )


__all__ = ["InquiryForm", "consent_wording", "wording_hash"]
