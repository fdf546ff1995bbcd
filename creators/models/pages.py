"""Public pages: the creators index, one profile per creator, and the entry form page.

A CreatorPage stores no personal data: only a link to its Creator. What it shows is read through
the consent in force at request time (creators.consent), and its own text fields are checked so
that an editor cannot copy a name into a title, slug or description that revisions would keep.
"""

import re
import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from home.models import BasePage
from home.pagination import page_or_404
from home.site_structure import exclude_private
from policy.consent_forms import ConsentFormPage
from works.models import WorkCredit

from ..choices import EXPERTISE_CHOICES
from ..consent import PublishedProfile, published_profiles
from ..entries import store_entry
from ..forms import EntryForm
from ..receipt import receipt_context
from ..state import state_key
from .records import Creator, Entry

INDEX_CACHE_SECONDS = 600
CREATORS_PER_PAGE = 24


def works_crediting(creator_pages):
    """Live works whose credits link to any of `creator_pages` (one place to adapt when credits
    point at creator records rather than pages)."""
    work_ids = WorkCredit.objects.filter(creator_page__in=creator_pages).values("work_id")
    return Page.objects.live().filter(pk__in=work_ids)


def random_creator_slug():
    return f"creator-{secrets.token_hex(4)}"


EMAIL_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
DIGIT_RUN = re.compile(r"\+?\d[\d\s().\-‐－ー]*\d")


def looks_like_contact_details(text):
    """An email address, or a run of 10 digits or more (a phone number; a date has 8)."""
    if EMAIL_ADDRESS.search(text):
        return True
    return any(sum(c.isdigit() for c in run) >= 10 for run in DIGIT_RUN.findall(text))


class CreatorsIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["creators.CreatorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("creators index page")

    def creator_pages(self):
        pages = list(
            exclude_private(CreatorPage.objects.child_of(self).live()).select_related("creator")
        )
        CreatorPage.prefetch_for_credits(pages)
        return pages

    def listed_creators(self):
        """Cards for the creators who allow at least one field; nobody else is listed.

        Cached, with the consent state in the key: any new consent record misses the cache.
        """
        key = state_key("index", self.pk, get_language())
        cards = cache.get(key)
        if cards is None:
            cards = [
                {
                    "url": page.url,
                    "name": page.published.name,
                    "expertise": page.published.expertise,
                    # For the filter: only where the expertise itself may be published.
                    "expertise_codes": list(page.creator.expertise)
                    if page.published.expertise
                    else [],
                }
                for page in self.creator_pages()
                if not page.published.is_empty
            ]
            cache.set(key, cards, INDEX_CACHE_SECONDS)
        return cards

    def get_context(self, request, *args, **kwargs):
        """The cards, filtered by `?expertise=` (one of the areas the listed creators show)
        and paginated; an area nobody shows is a 404, like a page number past the last."""
        context = super().get_context(request, *args, **kwargs)
        cards = self.listed_creators()
        shown = {code for card in cards for code in card["expertise_codes"]}
        options = [(code, label) for code, label in EXPERTISE_CHOICES if code in shown]
        chosen = request.GET.get("expertise", "")
        if chosen and chosen not in shown:
            raise Http404
        chosen_cards = [card for card in cards if not chosen or chosen in card["expertise_codes"]]
        context["cards"] = page_or_404(chosen_cards, request.GET.get("page"), CREATORS_PER_PAGE)
        context["extra_query"] = f"expertise={chosen}" if chosen else ""
        context["expertise_options"] = options
        context["chosen_expertise"] = chosen
        return context


class CreatorPage(BasePage):
    creator = models.ForeignKey(
        "creators.Creator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
        verbose_name=_("creator"),
        help_text=_(
            "The page shows only what this creator allows to publish, read at every request."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("creator")]
    parent_page_types = ["creators.CreatorsIndexPage"]
    subpage_types = []
    # Not in the site search at all: the title is an internal label ("クリエイター 1d859b18")
    # that must never be shown to a visitor, and the name is shown only as consented, read at
    # each request, so an index could only hold the wrong one. The creators index lists people.
    search_fields = []

    class Meta:
        verbose_name = _("creator page")

    # Loaded with the page: by works' credits (works.credits) and when a visitor's request finds
    # the page (home.models.BasePage.route).
    credit_select_related = route_select_related = ("creator",)

    @classmethod
    def prefetch_for_credits(cls, pages):
        """Load every page's creator and consents at once so credit_name() runs no query."""
        pages = [page for page in pages if isinstance(page, cls)]
        missing = [
            page for page in pages if page.creator_id and "creator" not in page._state.fields_cache
        ]
        if missing:
            creators = Creator.objects.in_bulk([page.creator_id for page in missing])
            for page in missing:
                page.creator = creators.get(page.creator_id)
        profiles = published_profiles([page.creator for page in pages if page.creator_id])
        for page in pages:
            page.__dict__["published"] = profiles.get(page.creator_id, PublishedProfile())

    @cached_property
    def published(self):
        if not self.creator_id:
            return PublishedProfile()
        return published_profiles([self.creator]).get(self.creator_id, PublishedProfile())

    def credit_name(self):
        """The name works credits may show: "" when the creator has not allowed it."""
        if not self.live or (self.creator_id and self.creator.suspended):
            return ""
        return self.published.name

    def credit_hidden_reason(self):
        """Why works do not show this creator's name now ("" when they do), for editors."""
        if self.creator_id is None:
            return _("The profile is not linked to a creator record.")
        if self.creator.suspended:
            return _("The creator asked us to stop using their data (suspension).")
        if not self.published.name:
            return _("The creator has not consented to publishing their name, or withdrew it.")
        return ""

    def credit_staff_label(self):
        """The name staff know the person by, for the admin only (choosers, editors' notes);
        never the contact details."""
        if self.creator_id is None:
            return self.title
        return self.creator.stage_name or self.creator.name

    @property
    def display_name(self):
        return self.published.name or _("Creator")

    def clean(self):
        """No contact details and no published name in the page's own fields, which revisions
        keep. The check must not tell an editor anything they could not see: contact details
        are refused by their shape (any email address or phone number, whoever's it is), and
        the name only as the page publishes it, so a guess at a private name or number gets the
        same answer as any other text."""
        super().clean()
        if self.creator is None:
            return
        published_name = (self.published.name or "").casefold()
        errors = {}
        for field_name in ("title", "slug", "seo_title", "search_description"):
            value = getattr(self, field_name) or ""
            if looks_like_contact_details(value) or (
                len(published_name) > 1 and published_name in value.casefold()
            ):
                errors[field_name] = _(
                    "Do not put the creator's name or contact details here: page fields are "
                    "kept in revisions. The page shows what the creator allows by itself."
                )
        if errors:
            raise ValidationError(errors)

    def is_hidden(self):
        """No creator, a suspension, or no publishing consent in force: nothing to show, so
        the page answers 404 (a bare "Creator" heading would still say someone is there)."""
        return self.creator_id is None or self.creator.suspended or self.published.is_empty

    def serve(self, request, *args, **kwargs):
        if self.is_hidden():
            raise Http404
        # A withdrawal purges this page, in the page cache and at the CDN (creators.cache).
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["profile"] = self.published
        context["crediting_works"] = self.crediting_works()
        return context

    def pages_showing_this(self):
        """Pages that show this creator besides the index above it (home.purge)."""
        return works_crediting([self])

    def crediting_works(self):
        """Live, public works whose credits link to this profile, in this page's language."""
        # Credits link one language's profile (a translation copies the link as it is): any
        # translation of this profile counts, and each work is listed in this page's language.
        keys = WorkCredit.objects.filter(creator_page__translation_key=self.translation_key).values(
            "work__translation_key"
        )
        return list(
            exclude_private(
                Page.objects.live().filter(translation_key__in=keys, locale=self.locale)
            )
        )

    @classmethod
    def prefetch_for_sitemap(cls, pages):
        """The sitemap asks every profile whether it is hidden: one query for them all."""
        cls.prefetch_for_credits(pages)

    def get_sitemap_urls(self, request=None):
        if self.is_hidden():
            return []
        return super().get_sitemap_urls(request)

    def full_clean(self, *args, **kwargs):
        if not self.slug:
            self.slug = random_creator_slug()
        super().full_clean(*args, **kwargs)


class EntryFormPage(ConsentFormPage):
    """Serves the plain Django entry form (creators.forms) and the receipt after sending."""

    always_public = True  # never behind a view restriction (home.public_pages)

    form_class = EntryForm
    submission_model = Entry
    rate_limit = ("creators:entry", "CREATORS_ENTRY_RATE_LIMIT", (10, 3600))
    receipt_cookie = "creators_entry_receipt"
    landing_page_template = "creators/entry_thanks.html"

    class Meta:
        verbose_name = _("entry form page")

    def get_form_kwargs(self, request):
        # The AI tools offered are this language's (works' shared list).
        return {**super().get_form_kwargs(request), "locale": Locale.get_active()}

    def process_form_submission(self, form, request):
        return store_entry(form, form.language_code)

    def receipt_context(self, submission, request):
        return receipt_context(submission, request)
