"""The public page of matters about retained personal data (保有個人データに関する事項, APPI
Art. 32), and the settings it reads that only the operator can know.

The page is generated, not written: the kinds of data, purposes and retention periods come from
the personal-data registry (home.personal_data), the business's name, address and representative
from the site settings, so the page cannot drift from what the software does. Editors fill in the
security measures and the countries where data is stored; an empty one is flagged on the admin
dashboard (wagtail_hooks).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.models import BasePage
from home.personal_data import other_retention_rules, personal_data_handlers

SLUG = "personal-information"

SECURITY_MEASURES = [
    ("organisational", _("Organisational measures")),
    ("personal", _("Personal (staff) measures")),
    ("physical", _("Physical measures")),
    ("technical", _("Technical measures")),
]
SERVICE_CHOICES = [
    ("database", _("Database")),
    ("object_storage", _("Object storage (images, files)")),
    ("email", _("Email delivery")),
    ("cdn", _("Content delivery network (CDN)")),
]


def _in_language(owner, name):
    language = "ja" if (get_language() or "ja").startswith("ja") else "en"
    if isinstance(owner, dict):  # a StructBlock value
        return owner[f"{name}_{language}"]
    return getattr(owner, f"{name}_{language}")


class StorageCountryBlock(blocks.StructBlock):
    country_ja = blocks.CharBlock(label=_("country (Japanese)"), max_length=100)
    country_en = blocks.CharBlock(label=_("country (English)"), max_length=100)
    services = blocks.MultipleChoiceBlock(
        label=_("what is stored or processed there"), choices=SERVICE_CHOICES
    )
    regime_ja = blocks.TextBlock(
        label=_("its personal-data protection regime (Japanese)"),
        help_text=_(
            "APPI asks us to describe the system for the protection of personal data "
            "in that country (for Japan: the APPI itself)."
        ),
    )
    regime_en = blocks.TextBlock(label=_("its personal-data protection regime (English)"))

    class Meta:
        icon = "site"
        label = _("Country")


@register_setting(icon="lock")
class PersonalInformationSettings(BaseGenericSetting):
    """What the operator alone knows: the security measures taken and where data is stored."""

    organisational_ja = models.TextField(_("organisational measures (Japanese)"), blank=True)
    organisational_en = models.TextField(_("organisational measures (English)"), blank=True)
    personal_ja = models.TextField(_("personal (staff) measures (Japanese)"), blank=True)
    personal_en = models.TextField(_("personal (staff) measures (English)"), blank=True)
    physical_ja = models.TextField(_("physical measures (Japanese)"), blank=True)
    physical_en = models.TextField(_("physical measures (English)"), blank=True)
    technical_ja = models.TextField(_("technical measures (Japanese)"), blank=True)
    technical_en = models.TextField(_("technical measures (English)"), blank=True)
    storage_countries = StreamField(
        [("country", StorageCountryBlock())],
        blank=True,
        verbose_name=_("countries where data is stored or processed"),
        help_text=_("One entry per country: the database, object storage, email and CDN."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel(f"{key}_{language}")
                for key, _label in SECURITY_MEASURES
                for language in ("ja", "en")
            ],
            heading=_("Security measures"),
        ),
        FieldPanel("storage_countries"),
    ]

    class Meta:
        verbose_name = _("retained personal data")

    def measures(self):
        """[(label, text in the current language)], in the order of the guidelines."""
        return [(label, _in_language(self, key)) for key, label in SECURITY_MEASURES]

    def countries(self):
        return [
            {
                "country": _in_language(block.value, "country"),
                "services": [
                    str(dict(SERVICE_CHOICES)[key])
                    for key in block.value["services"]
                    if key in dict(SERVICE_CHOICES)
                ],
                "regime": _in_language(block.value, "regime"),
            }
            for block in self.storage_countries
        ]

    def missing(self):
        """What editors still have to fill in (labels), for the dashboard."""
        gaps = [
            f"{label} ({language})"
            for key, label in SECURITY_MEASURES
            for language in ("ja", "en")
            if not getattr(self, f"{key}_{language}").strip()
        ]
        if not self.storage_countries:
            gaps.append(str(_("countries where data is stored or processed")))
        for block in self.storage_countries:
            value = block.value
            if not (value["regime_ja"].strip() and value["regime_en"].strip()):
                gaps.append(str(_("the regime of %(country)s")) % {"country": value["country_en"]})
        return gaps


class PersonalInformationPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per locale

    class Meta:
        verbose_name = _("retained personal data page")

    def clean(self):
        super().clean()
        if self.slug != SLUG:
            raise ValidationError({"slug": _("This page lives at “%s”.") % SLUG})

    def kinds_of_data(self):
        """Each registered handler: what is held, why, and how long (from the code)."""
        return [
            {
                "description": handler.description,
                "purpose": handler.purpose,
                "retention": [
                    str(rule.description) % {"days": rule.period_days()}
                    for rule in handler.retention
                ],
            }
            for handler in personal_data_handlers()
        ]

    def other_retention(self):
        """Records that are not about one person's request (sessions, task results, logs)."""
        return [
            str(rule.description) % {"days": rule.period_days()} for rule in other_retention_rules()
        ]
