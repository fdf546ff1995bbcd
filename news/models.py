"""Studio news: an index per language with an Atom feed, and articles (StreamField)."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import ContentStreamBlock
from home.feeds import atom_response
from home.models import BasePage
from home.pagination import page_or_404
from home.site_structure import exclude_private

ARTICLES_PER_PAGE = 10
FEED_LENGTH = 20


class NewsIndexPage(RoutablePageMixin, BasePage):
    intro = models.CharField(_("introduction"), max_length=250, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def articles(self):
        return (
            exclude_private(NewsArticlePage.objects.child_of(self).live())
            .select_related("image")
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    @path("")
    def index(self, request):
        articles = page_or_404(self.articles(), request.GET.get("page"), ARTICLES_PER_PAGE)
        return self.render(request, context_overrides={"articles": articles})

    @path("feed/", name="feed")
    def feed(self, request):
        page_url = self.get_url(request)
        return atom_response(
            request,
            title=f"{self.title} | ALLIN STUDIO",
            link=page_url,
            feed_path=page_url + self.reverse_subpage("feed"),
            description=self.intro or gettext("News from ALLIN STUDIO."),
            language=self.locale.language_code,
            items=[
                {
                    "title": article.title,
                    "link": article.get_url(request),
                    "description": article.summary,
                    "pubdate": article.published_moment(),
                    "updateddate": article.last_published_at,
                }
                for article in self.articles()[:FEED_LENGTH]
            ],
        )


class NewsArticlePage(BasePage):
    date = models.DateField(pgettext_lazy("news", "date"), default=datetime.date.today)
    summary = models.CharField(
        _("summary"), max_length=250, help_text=_("One or two sentences, shown in lists and feeds.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("news", "image"),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def published_moment(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))

    def get_og_image(self):
        return self.social_image or self.image
