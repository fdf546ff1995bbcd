"""The privacy policy page and the permanent record of every version posted (Article 8).

A PolicyPage is edited like any page; the moment a revision goes live, `policy.versioning` writes a
PolicyVersion in the same transaction. Visitors are always shown a PolicyVersion, never the page's
own fields, so what they read is exactly what was posted.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.append_only import AppendOnlyModel, AppendOnlyQuerySet
from home.models import BasePage
from policy.blocks import PolicyBodyBlock, numbered_sections
from policy.forms import GoLivePanel, PolicyPageForm
from policy.routes import PolicyRoutesMixin

POLICY_SLUG = "privacy-policy"


class ImmutableVersionError(PermissionError):
    """A posted policy version is evidence: it is never changed or deleted."""


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
        from policy.gate import check_going_live

        # The live policy must never be taken down by a scheduled expiry (publish_scheduled
        # unpublishes expired pages without asking any hook).
        self.expire_at = None
        check_going_live(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        from policy.permissions import PolicyPagePermissionTester

        return PolicyPagePermissionTester(user, self)

    def publish(self, revision, user=None, *args, **kwargs):
        """Only through Legal approval (`policy.gate`); publishing and recording the version
        succeed or fail together."""
        from django.db import transaction

        from policy.gate import authorised, check_publish

        check_publish(revision.as_object(), revision, user)
        with transaction.atomic(), authorised(revision):
            return super().publish(revision, user, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A revision is in force the moment it goes live (Article 8), and a scheduled one is
        # published by the first request after its moment: a shared cache (the CDN) must not
        # answer that request, or any other, with an older text. Revalidate every time.
        patch_cache_control(response, no_cache=True)
        return response

    def route(self, request, path_components):
        # A scheduled revision is in force from its go-live moment: the first request after it
        # publishes it, so no visitor reads a superseded text while the scheduler sleeps.
        from policy.versioning import publish_due_revision

        if publish_due_revision(self):
            return PolicyPage.objects.get(pk=self.pk).route(request, path_components)
        return super().route(request, path_components)


class PolicyVersionQuerySet(AppendOnlyQuerySet):
    error = ImmutableVersionError

    def for_language(self, language_code):
        return self.filter(locale__language_code=language_code.split("-")[0].lower())


class PolicyVersion(AppendOnlyModel):
    """One posted version of the policy in one language: its text exactly as visitors saw it."""

    page = models.ForeignKey(
        PolicyPage, on_delete=models.PROTECT, related_name="versions", verbose_name=_("page")
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("locale")
    )
    number = models.PositiveIntegerField(_("version number"))
    # PROTECT makes purge_revisions skip it (it counts a ProtectedError and moves on).
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("revision"),
    )
    effective_at = models.DateTimeField(_("in force since"), db_index=True)
    title = models.CharField(_("title"), max_length=255)
    summary_of_changes = models.TextField(_("summary of changes"))
    body_json = models.JSONField(_("text as posted (stream data)"))
    body_html = models.TextField(_("text as posted (HTML)"))
    body_text = models.TextField(_("text as posted (plain)"))
    translates = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The authoritative (Japanese) version this translation was made from."),
    )

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["locale", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "number"], name="policy_version_number_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.title} v{self.number} ({self.locale_id and self.locale.language_code})"

    def get_absolute_url(self):
        return f"/{self.language_code}/{POLICY_SLUG}/versions/{self.number}/"

    @property
    def language_code(self):
        return self.locale.language_code


def version_in_force(language_code, at=None):
    """The PolicyVersion in force for `language_code` at `at` (default: now), or None.

    Other apps call this to record which policy a person agreed to. Asking about "now" first
    publishes a revision whose go-live moment has passed, as a visitor's request would.
    """
    if at is None:
        from policy.versioning import publish_due_revisions

        publish_due_revisions()
        at = timezone.now()
    return (
        PolicyVersion.objects.for_language(language_code)
        .filter(effective_at__lte=at)
        .select_related("locale")
        .order_by("-number")
        .first()
    )
