"""The permanent record of every version of the policy posted (Article 8): what visitors read.

A version is written once, when a revision goes live (`policy.versioning`), and never changed.
The page's routes read these records, so they stand apart from the page model, below it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.append_only import AppendOnlyModel, AppendOnlyQuerySet
from policy.schedule import publish_if_due

POLICY_SLUG = "privacy-policy"


class ImmutableVersionError(PermissionError):
    """A posted policy version is evidence: it is never changed or deleted."""


class PolicyVersionQuerySet(AppendOnlyQuerySet):
    error = ImmutableVersionError

    def for_language(self, language_code):
        return self.filter(locale__language_code=language_code.split("-")[0].lower())


class PolicyVersion(AppendOnlyModel):
    """One posted version of the policy in one language: its text exactly as visitors saw it."""

    page = models.ForeignKey(
        "policy.PolicyPage",
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("page"),
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
        publish_if_due()
        at = timezone.now()
    return (
        PolicyVersion.objects.for_language(language_code)
        .filter(effective_at__lte=at)
        .select_related("locale")
        .order_by("-number")
        .first()
    )
