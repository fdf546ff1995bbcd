import datetime

import factory
import wagtail_factories

from news.models import NewsArticlePage, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "ニュース"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"お知らせ {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    summary = "スタジオからのお知らせです。"
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsArticlePage
