import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.feeds import atom_response
from home.models import BasePage
from home.pagination import page_or_404

from .blocks import WorkBodyBlock
from .credits import credits_for
from .filters import WorkFilters
from .forms import LOCALISED_CHOICES, WorkPageForm
from .media import prefetch_body_media
from .panels import CreatorPageChooserPanel, HiddenCreditsPanel
from .queries import WorkPageQuerySet
from .roles import CREDIT_ROLES
from .taxonomy import in_locale, offered

WORKS_PER_PAGE = 12
WORKS_FEED_LENGTH = 20
RELATED_WORKS = 3


class AITool(TranslatableMixin, models.Model):
    """An AI tool used in production. Shared: works list them, and the creator entry form
    offers the same list."""

    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("AI tool")
        verbose_name_plural = _("AI tools")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WorkCategory(TranslatableMixin, models.Model):
    """A kind of work (commercial, music video, ...). The slug is the same in every language so
    that a filtered link keeps its meaning when the visitor switches language."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in filter links, e.g. music-video.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("work category")
        verbose_name_plural = _("work categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class WorksIndexPage(RoutablePageMixin, BasePage):
    intro = models.CharField(_("introduction"), max_length=250, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["works.WorkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("works index page")

    def works(self):
        return WorkPage.objects.visible(self.locale).descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = WorkFilters(
            request.GET,
            self.works(),
            categories=offered(WorkCategory.objects.all(), self.locale),
            tools=offered(AITool.objects.all(), self.locale),
        )
        page_obj = page_or_404(filters.queryset(), request.GET.get("page"), WORKS_PER_PAGE)
        context.update(filters=filters, works=page_obj, extra_query=filters.querystring())
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        page_url = self.get_url(request)
        works = self.works().order_by("-release_date", "-pk")[:WORKS_FEED_LENGTH]
        return atom_response(
            request,
            title=f"{self.title} | ALLIN STUDIO",
            link=page_url,
            feed_path=page_url + self.reverse_subpage("feed"),
            description=self.intro,
            language=self.locale.language_code,
            items=[
                {
                    "title": work.title,
                    "link": work.get_url(request),
                    "description": work.summary,
                    "pubdate": timezone.make_aware(
                        datetime.datetime.combine(work.release_date, datetime.time())
                    ),
                    "updateddate": work.last_published_at,
                }
                for work in works
            ],
        )


class WorkPage(BasePage):
    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One line, shown on cards and shared links.")
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("poster"),
    )
    poster_alt = models.CharField(
        _("poster alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the poster for people who cannot see it. Defaults to the title."),
    )
    release_date = models.DateField(_("release date"))
    runtime_minutes = models.PositiveSmallIntegerField(
        _("runtime (minutes)"), null=True, blank=True
    )
    client = models.CharField(_("client"), max_length=120, blank=True)
    categories = ParentalManyToManyField(
        WorkCategory, blank=True, related_name="works", verbose_name=_("categories")
    )
    ai_tools = ParentalManyToManyField(
        AITool, blank=True, related_name="works", verbose_name=_("AI tools used")
    )
    body = StreamField(WorkBodyBlock(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(WorkPageQuerySet)()  # .visible(): what visitors may see

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("poster"), FieldPanel("poster_alt")], heading=_("Poster")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("release_date"), FieldPanel("runtime_minutes")]),
                FieldPanel("client"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("ai_tools", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("body"),
        HiddenCreditsPanel(heading=_("Credits hidden from visitors")),
        InlinePanel("credits", label=_("Credits")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("client"),
        index.SearchField("body"),
        index.SearchField("taxonomy_names"),
        index.SearchField("credited_names"),
        index.FilterField("release_date"),
    ]

    parent_page_types = ["works.WorksIndexPage"]
    subpage_types = []
    base_form_class = WorkPageForm
    # Loaded with the page when a visitor's request finds it (home.models.BasePage.route).
    route_select_related = ("locale", "poster", "social_image")

    def taxonomy_names(self):
        """For the search index: "film" finds the short films, "Sora" the works made with it.
        (A method: the index's RelatedFields cannot read modelcluster's many-to-many.)"""
        return " ".join(item.name for item in [*self.categories.all(), *self.ai_tools.all()])

    def credited_names(self):
        """For the search index: the names the credits show now, a creator's only while they
        consent to it (Article 3.9), an organisation's as typed. Whatever changes a creator's
        name on the site indexes the works crediting them again (creators.search_index)."""
        return " ".join(line["name"] for line in credits_for(self))

    class Meta:
        verbose_name = _("work page")
        verbose_name_plural = _("work pages")

    @property
    def is_expired(self):
        return self.expired or bool(self.expire_at and self.expire_at <= timezone.now())

    @property
    def poster_alt_text(self):
        return self.poster_alt or self.title

    def save(self, *args, **kwargs):
        for name in LOCALISED_CHOICES:
            related = getattr(self, name)
            items = list(related.all())
            localised = in_locale(items, self.locale_id)
            if localised is not items:
                related.set(localised)
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        # `publish_scheduled` unpublishes an expired page only when it runs; until then the
        # page is still "live", so hide it here as well.
        if self.is_expired:
            raise Http404
        if self.expire_at:  # no shared cache keeps the page past its expiry
            request.page_cache_until = self.expire_at.timestamp()
        # The credits show creators' names as each consents now: a withdrawal purges the page
        # (creators.cache), in the page cache and at the CDN.
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_expired else super().get_sitemap_urls(request)

    def pages_showing_this(self):
        """The creator pages this work credits: each lists the works crediting it (home.purge)."""
        page_ids = self.credits.exclude(creator_page=None).values("creator_page_id")
        return Page.objects.live().filter(pk__in=page_ids)

    @cached_property
    def related_works(self):
        """Other visible works sharing a category, newest first. Read through the page's own
        categories, so that the preview of a page not saved yet (or with new categories) works."""
        keys = [category.translation_key for category in self.category_list]
        works = (
            WorkPage.objects.visible(self.locale)
            .filter(categories__translation_key__in=keys)
            .exclude(pk=self.pk)
            .distinct()
            .prefetch_related(None)  # their posters' renditions come with the page's own
            .prefetch_related("categories")
        )
        return list(works[:RELATED_WORKS])

    @cached_property
    def category_list(self):
        return list(self.categories.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every picture of the page and of its related works' cards, in one query for all
        # their renditions (the related works' own prefetch finds them loaded).
        posters = [work.poster for work in self.related_works]
        context["embeds"] = prefetch_body_media(
            self.body, extra_images=[self.poster, self.social_image, *posters]
        )
        context["categories"] = self.category_list
        context["credits"] = credits_for(self)
        context["has_credits_block"] = any(b.block_type == "credits" for b in self.body)
        return context


class WorkCredit(Orderable):
    """One line of the credits: a role and who held it.

    A person is credited through their creator profile only, so the credit shows the name that
    person consented to publish, read at each request (the page's `credit_name()`), and a
    privacy request reaches it. A typed name is for an organisation (studio, label, client),
    which is no one's personal data."""

    work = ParentalKey(WorkPage, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(_("role"), max_length=32, choices=CREDIT_ROLES)
    creator_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("creator"),
        help_text=_(
            "A person: choose their creator profile. Their name is shown only while they "
            "consent to it; otherwise the whole line is hidden."
        ),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=120,
        blank=True,
        help_text=_(
            "Only for a studio, label or client, never a person. Leave empty when a creator "
            "is chosen."
        ),
    )

    panels = [
        FieldPanel("role"),
        CreatorPageChooserPanel("creator_page"),
        FieldPanel("organisation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("credit")
        verbose_name_plural = _("credits")

    def clean(self):
        super().clean()
        self.organisation = self.organisation.strip()
        if bool(self.creator_page_id) == bool(self.organisation):
            raise ValidationError(
                _("Choose a creator or type an organisation's name: one of the two.")
            )
        if self.creator_page_id and not hasattr(self.creator_page.specific_class, "credit_name"):
            raise ValidationError({"creator_page": _("Choose a creator profile.")})
