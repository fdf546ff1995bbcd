"""News: the index lists live articles newest first in a constant number of queries, pages
past the last are 404, the Atom feed is valid and names the studio as its author."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_ja(site):
    return NewsIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)


def add_articles(index, count):
    return [NewsArticlePageFactory(parent=index, locale=index.locale) for _ in range(count)]


def test_the_index_lists_live_articles_newest_first(client, news_ja):
    old, new = add_articles(news_ja, 2)
    draft = add_articles(news_ja, 1)[0]
    draft.unpublish()
    html = client.get("/ja/news/").content.decode()
    assert html.index(new.title) < html.index(old.title)
    assert draft.title not in html
    article = client.get(new.url)
    assert article.status_code == 200 and new.summary in article.content.decode()


def test_a_page_past_the_last_is_a_404(client, news_ja):
    add_articles(news_ja, 11)
    assert client.get("/ja/news/?page=2").status_code == 200
    assert client.get("/ja/news/?page=3").status_code == 404
    assert client.get("/ja/news/?page=abc").status_code == 404


def test_the_index_query_count_does_not_grow(client, news_ja):
    def queries_of_a_visit():
        client.get("/ja/news/")  # every publish empties the site structure's cache: refill it
        with CaptureQueriesContext(connection) as visit:
            client.get("/ja/news/")
        return len(visit)

    add_articles(news_ja, 2)
    few = queries_of_a_visit()
    add_articles(news_ja, 8)
    assert few <= 10
    assert queries_of_a_visit() == few


def test_the_feed_is_valid_atom_with_the_studio_as_author(client, news_ja):
    old, new = add_articles(news_ja, 2)
    draft = add_articles(news_ja, 1)[0]
    draft.unpublish()
    response = client.get("/ja/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.author_detail.name == "ALLIN STUDIO"
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{new.url}",
        f"http://testserver{old.url}",
    ]
    assert feed.entries[0].summary == new.summary
