from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import VideoBlock
from .page_forms import BasePageForm
from .public_pages import covered_always_public_pages
from .search_terms import cjk_terms, flatten
from .site_structure import children_by_slug, remembered, view_restrictions
from .slugs import available_slug, romanised_slug


class User(AbstractUser):
    """The project's own user model, in place from the first migration so it can grow later."""


class BasePage(Page):
    """Every page type of the site derives from this abstract page (wagtail-localize 1.14 does
    not support Wagtail's custom base page setting, so shared behaviour lives here)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social image"),
        help_text=_("Shown when the page is shared (Open Graph). Optional."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]
    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def _set_core_field_defaults(self):
        # Wagtail fills an empty slug from the title with slugify(), which keeps nothing of a
        # Japanese title; pages made in code (imports, the demo) get the romanised one too.
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        if not self.slug and parent is not None:
            base = romanised_slug(self.title)
            if base:
                self.slug = available_slug(base, parent, self)
        super()._set_core_field_defaults()

    @classmethod
    def get_search_fields(cls):
        # Every page type in the search, now and later, indexes its Japanese as terms (a type
        # kept out of the search, with empty search_fields, stays out).
        fields = super().get_search_fields()
        if not cls.search_fields:
            return fields
        return fields + [index.SearchField("japanese_search_terms")]

    def japanese_search_terms(self):
        """The Japanese of this page's searchable fields as terms (`home.search_terms`): only
        what the page already gives the index, so nothing unconsented gets in."""
        texts = [
            flatten(field.get_value(self))
            for field in self.get_searchable_search_fields()
            if field.field_name != "japanese_search_terms"
        ]
        return cjk_terms(" ".join(texts))

    def get_og_image(self):
        return self.social_image

    def search_result(self):
        """What a search result shows beside the title: the kind of page, a date (if the page
        has one), a picture and a short text."""
        date = getattr(self, "release_date", None) or getattr(self, "date", None)
        text = self.search_description or next(
            (
                strip_tags(str(value))
                for name in ("summary", "intro", "hero_lead")
                if (value := getattr(self, name, ""))
            ),
            "",
        )
        return {
            "kind": self.specific_class._meta.verbose_name,
            "date": date,
            "image": self.get_og_image() or getattr(self, "poster", None),
            "text": Truncator(text).chars(160),
        }

    def route(self, request, path_components):
        # A child of the only page type allowed below this one is found in one query (Wagtail
        # asks for the page, then for its own type); anything else is routed as Wagtail does.
        if path_components:
            child = self.child_for_route(path_components[0])
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def child_for_route(self, slug):
        child_types = self.specific_class.allowed_subpage_models()
        if len(child_types) != 1:
            return None
        related = getattr(child_types[0], "route_select_related", ())
        child = child_types[0].objects.child_of(self).select_related(*related).filter(slug=slug)
        child = child.first()
        if child is None or child.specific_class is not child_types[0]:
            return None  # not there (a 404), or of a type no longer allowed here
        return child

    def get_view_restrictions(self):
        # From the shared cache (home.site_structure): no query for a page none covers.
        found = view_restrictions(self)
        return super().get_view_restrictions() if found is None else found

    @property
    def private_page_options(self):
        """No view restriction is offered on a page that must stay public or on a page above
        one (`home.public_pages`); the model layer refuses it too."""
        if covered_always_public_pages(self).exists():
            return []
        return Page.private_page_options


class HomePage(BasePage):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_lead = models.CharField(_("hero lead"), max_length=250, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    statement_heading = models.CharField(_("statement heading"), max_length=120, blank=True)
    statement = RichTextField(
        _("studio statement"), blank=True, features=["bold", "italic", "link"]
    )
    entry_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entry form page"),
        help_text=_("The page the call to action leads to (the creator entry form)."),
    )
    entry_cta_text = models.CharField(_("call to action text"), max_length=120, blank=True)
    showreel = StreamField(
        [("video", VideoBlock())],
        verbose_name=pgettext_lazy("home", "showreel"),
        blank=True,
        max_num=1,
        help_text=_("The studio's reel, played only when the visitor presses play."),
    )
    contact_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
        help_text=_("The page the clients' call to action leads to (the contact form)."),
    )
    contact_cta_text = models.CharField(
        _("contact call to action text"), max_length=120, blank=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_lead"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("showreel"),
        MultiFieldPanel(
            [FieldPanel("statement_heading"), FieldPanel("statement")], heading=_("Statement")
        ),
        InlinePanel("featured_works", label=_("Featured works"), max_num=6),
        MultiFieldPanel(
            [PageChooserPanel("entry_cta_page"), FieldPanel("entry_cta_text")],
            heading=_("Call to action"),
        ),
        MultiFieldPanel(
            [PageChooserPanel("contact_cta_page"), FieldPanel("contact_cta_text")],
            heading=_("Clients' call to action"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_lead"),
        index.SearchField("statement"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 2

    class Meta:
        verbose_name = _("home page")

    # Loaded with the page when it is kept in the shared cache (home.site_structure).
    route_select_related = ("locale", "hero_image", "contact_cta_page", "entry_cta_page")

    def child_for_route(self, slug):
        # The sections below a home page (works, creators, the policy...) from the shared cache.
        return children_by_slug(self).get(slug)


class HomePageFeaturedWork(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_works")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("work")
    )

    # The page type is the works app's; home names it through settings, not an import.
    panels = [PageChooserPanel("page", settings.FEATURED_WORK_PAGE_TYPE)]

    class Meta(Orderable.Meta):
        verbose_name = _("featured work")
        verbose_name_plural = _("featured works")


class SharedCacheSetting:
    """A setting read from the shared cache, which saving any setting refreshes for every app
    server (home.site_structure): every page shows the settings, few requests change them."""

    @classmethod
    def _get_or_create(cls):
        return remembered(f"setting:{cls._meta.label_lower}", super()._get_or_create)


@register_setting(icon="list-ul")
class NavigationSettings(SharedCacheSetting, ClusterableModel, BaseGenericSetting):
    """The footer's links, chosen by editors (the header lists the home page's children marked
    "show in menus"). Each link is a page, shown by its title in the visitor's language."""

    panels = [InlinePanel("footer_links", label=_("Footer links"))]

    class Meta:
        verbose_name = pgettext_lazy("navigation", "navigation")


class FooterLink(Orderable):
    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="footer_links"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=pgettext_lazy("navigation", "page"),
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")


@register_setting(icon="mail")
class SiteSettings(SharedCacheSetting, BaseGenericSetting):
    """The inquiry window of the privacy policy's Article 9, in both languages."""

    company_ja = models.CharField(_("company (Japanese)"), max_length=120, default="株式会社ALL IN")
    company_en = models.CharField(_("company (English)"), max_length=120, default="ALL IN CO.,LTD.")
    department_ja = models.CharField(
        _("department (Japanese)"), max_length=120, default="映像制作グループ"
    )
    department_en = models.CharField(
        _("department (English)"), max_length=120, default="Film Production Group"
    )
    address_ja = models.CharField(
        _("address (Japanese)"),
        max_length=250,
        default="〒150-0011 東京都渋谷区東1-3-5 MORE-EXCELLENCE 2階",
    )
    address_en = models.CharField(
        _("address (English)"),
        max_length=250,
        default="2nd Floor, MORE-EXCELLENCE, 1-3-5 Higashi, Shibuya-ku, Tokyo 150-0011, Japan",
    )
    email = models.EmailField(_("inquiry email"), default="filmproduction@allhero.co.jp")
    representative_ja = models.CharField(
        _("representative (Japanese)"),
        max_length=120,
        blank=True,
        help_text=_("The representative's name, published as APPI Art. 32 asks."),
    )
    representative_en = models.CharField(_("representative (English)"), max_length=120, blank=True)
    fee_payment_ja = models.TextField(
        _("how to pay the disclosure fee (Japanese)"),
        blank=True,
        help_text=_(
            "The bank account for the disclosure fee: bank, branch, account type and number, "
            "account holder. Sent to the requester with their request number as the reference."
        ),
    )
    fee_payment_en = models.TextField(_("how to pay the disclosure fee (English)"), blank=True)
    # The company profile (会社概要) and the Organization structured data read these too.
    founded = models.DateField(_("founded"), null=True, blank=True)
    business_ja = models.TextField(_("business (Japanese)"), blank=True)
    business_en = models.TextField(_("business (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("company_ja"), FieldPanel("company_en")], heading=_("Company")),
        MultiFieldPanel(
            [FieldPanel("department_ja"), FieldPanel("department_en")], heading=_("Department")
        ),
        MultiFieldPanel([FieldPanel("address_ja"), FieldPanel("address_en")], heading=_("Address")),
        FieldPanel("email"),
        MultiFieldPanel(
            [
                FieldPanel("representative_ja"),
                FieldPanel("representative_en"),
                FieldPanel("founded"),
                FieldPanel("business_ja"),
                FieldPanel("business_en"),
                FieldPanel("phone"),
            ],
            heading=_("Company profile"),
        ),
        MultiFieldPanel(
            [FieldPanel("fee_payment_ja"), FieldPanel("fee_payment_en")],
            heading=_("Disclosure fee (bank transfer)"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def _localized(self, name):
        language = "ja" if (get_language() or "ja").startswith("ja") else "en"
        return getattr(self, f"{name}_{language}")

    @property
    def fee_payment(self):
        return self._localized("fee_payment")

    @property
    def company(self):
        return self._localized("company")

    @property
    def department(self):
        return self._localized("department")

    @property
    def address(self):
        return self._localized("address")

    @property
    def representative(self):
        return self._localized("representative")

    @property
    def business(self):
        return self._localized("business")


from .outbox import OutboxEmail  # noqa: E402, F401  (the outbox's model lives with its code)
