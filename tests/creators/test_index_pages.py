"""The creators index is paginated like every index: a page past the last, or one that is not
a number, is a 404 rather than a copy of the last page (issue 16), and the expertise filter is
kept from page to page."""

import pytest
from bs4 import BeautifulSoup

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME

pytestmark = pytest.mark.django_db


def cards(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".creator-card")


@pytest.fixture
def three_creators(make_profile, monkeypatch):
    monkeypatch.setattr("creators.models.pages.CREATORS_PER_PAGE", 2)
    for number in range(3):
        make_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name=f"作家 {number}", expertise=["vfx"])


def test_the_index_pages_and_a_page_past_the_last_is_not_found(client, three_creators):
    first = client.get("/ja/creators/")
    assert len(cards(first)) == 2
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert len(cards(client.get("/ja/creators/?page=2"))) == 1
    for page in ("3", "0", "-1", "abc", "1.5", "9" * 30):
        assert client.get(f"/ja/creators/?page={page}").status_code == 404, page


def test_the_expertise_filter_is_kept_on_the_next_page(client, three_creators):
    first = client.get("/ja/creators/?expertise=vfx")
    assert 'rel="next" href="?expertise=vfx&amp;page=2"' in first.content.decode()
    assert len(cards(client.get("/ja/creators/?expertise=vfx&page=2"))) == 1
    assert client.get("/ja/creators/?expertise=vfx&page=3").status_code == 404
