from django import forms
from django.utils.translation import pgettext_lazy


class CodeForm(forms.Form):
    code = forms.CharField(
        label=pgettext_lazy("two-step", "Code"),
        max_length=20,
        help_text=pgettext_lazy(
            "two-step", "The 6-digit code from your authenticator app, or a recovery code."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )
