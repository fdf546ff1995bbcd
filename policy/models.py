"""The privacy policy page; the permanent record of every version posted (Article 8) is
`policy.versions`.

A PolicyPage is edited like any page; the moment a revision goes live, `policy.versioning` writes a
PolicyVersion in the same transaction. Visitors are always shown a PolicyVersion, never the page's
own fields, so what they read is exactly what was posted.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from policy.blocks import PolicyBodyBlock, numbered_sections
from policy.forms import GoLivePanel, PolicyPageForm
from policy.gate import authorised, check_going_live, check_publish
from policy.permissions import PolicyPagePermissionTester
from policy.routes import PolicyRoutesMixin
from policy.schedule import publish_if_due
from policy.versions import (
    POLICY_SLUG,
    PolicyVersion,  # noqa: F401  (the app's other model, with its routes)
)


class PolicyPage(PolicyRoutesMixin, RoutablePageMixin, BasePage):
    always_public = True  # never behind a view restriction (home.public_pages)
    summary_of_changes = models.TextField(
        _("summary of changes"),
        help_text=_(
            "What this revision changes, in a sentence or two. Shown to visitors in the history."
        ),
    )
    body = StreamField(PolicyBodyBlock(), verbose_name=_("policy text"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("summary_of_changes")], heading=_("This revision")),
        FieldPanel("body"),
    ]
    # The schedule dialog offers a go-live moment and no expiry: the policy in force is never
    # unpublished by a timer (save() drops any expiry that arrives another way).
    settings_panels = [GoLivePanel()] + Page.settings_panels[1:]
    search_fields = Page.search_fields + [index.SearchField("body")]

    base_form_class = PolicyPageForm

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per locale: each locale has its own home page

    class Meta:
        verbose_name = _("privacy policy page")

    def clean(self):
        super().clean()
        if self.slug != POLICY_SLUG:
            raise ValidationError({"slug": _("The privacy policy lives at “%s”.") % POLICY_SLUG})

    def numbered_sections(self):
        return numbered_sections(self.body)

    def save(self, *args, **kwargs):
        # The live policy must never be taken down by a scheduled expiry (publish_scheduled
        # unpublishes expired pages without asking any hook).
        self.expire_at = None
        check_going_live(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        return PolicyPagePermissionTester(user, self)

    def publish(self, revision, user=None, *args, **kwargs):
        """Only through Legal approval (`policy.gate`); publishing and recording the version
        succeed or fail together."""
        check_publish(revision.as_object(), revision, user)
        with transaction.atomic(), authorised(revision):
            return super().publish(revision, user, *args, **kwargs)

    def get_cached_paths(self):
        """What a CDN purges when a version goes live: the text, the history, the feed and
        every version's page (each says whether it is the one in force)."""
        numbers = self.versions.values_list("number", flat=True) if self.pk else []
        return ["/", "versions/", "feed/", *(f"versions/{n}/" for n in numbers)]

    def route(self, request, path_components):
        # A scheduled revision is in force from its go-live moment: the first request after it
        # publishes it, so no visitor reads a superseded text while the scheduler sleeps.
        if publish_if_due():
            return PolicyPage.objects.get(pk=self.pk).route(request, path_components)
        return super().route(request, path_components)
