"""The works feed: live visible works of the language, newest first, the studio as author."""

import feedparser
import pytest

from tests.works.factories import WorkPageFactory

pytestmark = pytest.mark.django_db


def test_the_works_feed_lists_live_works_with_the_studio_as_author(client, works_index):
    import datetime

    old = WorkPageFactory(
        parent=works_index, locale=works_index.locale, release_date=datetime.date(2025, 1, 1)
    )
    new = WorkPageFactory(
        parent=works_index, locale=works_index.locale, release_date=datetime.date(2026, 1, 1)
    )
    draft = WorkPageFactory(parent=works_index, locale=works_index.locale)
    draft.unpublish()
    response = client.get("/ja/works/feed/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.author_detail.name == "ALLIN STUDIO"
    assert [entry.title for entry in feed.entries] == [new.title, old.title]
    assert feed.entries[0].link == f"http://testserver{new.url}"


def test_works_index_page_past_the_last_is_a_404(client, works_index):
    assert client.get("/ja/works/").status_code == 200
    assert client.get("/ja/works/?page=2").status_code == 404
