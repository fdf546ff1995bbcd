"""The editor's form for a policy revision: every revision says what it changes."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PublishingPanel

from home.page_forms import BasePageForm


class GoLivePanel(PublishingPanel):
    """Wagtail's schedule dialog without the expiry field (an expiry would be dropped anyway)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [child for child in self.children if child.field_name != "expire_at"]


class PolicyPageForm(BasePageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest = self.latest_version()
        summary = (self.initial.get("summary_of_changes") or "").strip()
        if not self.is_bound and latest and summary == latest.summary_of_changes.strip():
            # A new revision starts with an empty summary: the posted version's words belong
            # to that version, and reusing them would tell visitors the wrong story.
            self.initial["summary_of_changes"] = ""

    def clean(self):
        cleaned_data = super().clean()
        summary = (cleaned_data.get("summary_of_changes") or "").strip()
        latest = self.latest_version()
        if latest and summary == latest.summary_of_changes.strip() and self.text_changed(latest):
            # The summary field keeps the previous revision's words; posting a new text under
            # them would tell visitors the wrong story in the history.
            self.add_error(
                "summary_of_changes",
                _("Describe what this revision changes; this is the summary of version %(n)s.")
                % {"n": latest.number},
            )
        return cleaned_data

    def latest_version(self):
        if not self.instance.pk:
            return None
        return self.instance.versions.order_by("-number").first()

    def text_changed(self, latest):
        body = self.cleaned_data.get("body")
        title = self.cleaned_data.get("title")
        if body is None:
            return False
        return body.get_prep_value() != latest.body_json or title != latest.title
