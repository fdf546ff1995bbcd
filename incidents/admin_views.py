"""The officer's incident screens beyond the generic ones: the people affected and their notices."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from home.admin_views import admin_page

from .models import Incident
from .people import add_people, send_notices


class LookupForm(forms.Form):
    emails = forms.CharField(
        label=gettext_lazy("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One per line. Each is looked up in every holder of personal data."),
    )

    def clean_emails(self):
        emails = [line.strip() for line in self.cleaned_data["emails"].splitlines() if line.strip()]
        invalid = [e for e in emails if "@" not in e]
        if invalid:
            raise forms.ValidationError(
                _("Not an email address: %(values)s") % {"values": ", ".join(invalid)}
            )
        return emails


def _incident(request, pk):
    if not request.user.has_perm("incidents.change_incident"):
        raise PermissionDenied
    return get_object_or_404(Incident, pk=pk)


def people(request, pk):
    incident = _incident(request, pk)
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added, unknown = add_people(incident, form.cleaned_data["emails"], request.user)
        messages.success(
            request,
            _("%(added)s people added; %(unknown)s addresses hold no data here.")
            % {"added": added, "unknown": unknown},
        )
        return redirect("incidents_people", pk=incident.pk)
    return admin_page(
        request,
        "incidents/people.html",
        _("People affected"),
        "warning",
        {
            "incident": incident,
            "people": incident.people.all(),
            "clocks": incident.clocks(),
        },
        form=form,
    )


@require_POST
def notify(request, pk):
    incident = _incident(request, pk)
    queued, retried = send_notices(incident, request.user)
    messages.success(
        request,
        _("Notices queued: %(queued)s; unsent ones sent again: %(retried)s.")
        % {"queued": queued, "retried": retried},
    )
    return redirect("incidents_people", pk=incident.pk)
