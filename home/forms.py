"""What every public form shares: the honeypot field."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """A field people never see (templates/includes/honeypot.html). A post that fills it is
    answered as a success and dropped, whatever else it holds, so a bot learns nothing."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def is_spam(self):
        # Read before validation: an invalid bot post is dropped too, not answered with errors.
        return bool(self.data.get("website"))
