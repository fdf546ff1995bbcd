"""The creators index filters by expertise (?expertise=): only creators who allow their
expertise to be published are found by it, unknown areas are a 404, and the number of queries
does not grow with the number of creators."""

import pytest
from bs4 import BeautifulSoup

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME

pytestmark = pytest.mark.django_db


def listed(client, query=""):
    response = client.get(f"/ja/creators/{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    names = [card.get_text(strip=True) for card in soup.select(".creator-card .card__title")]
    return names, soup


def test_the_filter_lists_only_creators_with_that_published_expertise(client, make_profile):
    make_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name="監督 太郎", expertise=["direction"])
    make_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name="編集 花子", expertise=["editing"])
    # Directs too, but has not allowed publishing it: never found by the filter.
    make_profile(PUBLISH_NAME, name="秘密 次郎", expertise=["direction"])
    names, soup = listed(client)
    assert sorted(names) == sorted(["監督 太郎", "編集 花子", "秘密 次郎"])
    options = [a["href"] for a in soup.select(".filter-links a")]
    assert options == [
        "/ja/creators/",
        "/ja/creators/?expertise=direction",
        "/ja/creators/?expertise=editing",
    ]
    names, soup = listed(client, "?expertise=direction")
    assert names == ["監督 太郎"]
    assert soup.select_one('.filter-links a[aria-current="page"]')["href"].endswith("direction")


def test_an_area_nobody_shows_is_not_found(client, make_profile):
    make_profile(PUBLISH_NAME, name="秘密 次郎", expertise=["direction"])
    assert client.get("/ja/creators/?expertise=direction").status_code == 404
    assert client.get("/ja/creators/?expertise=<script>").status_code == 404


def test_the_query_count_does_not_grow_with_the_creators(
    client, make_profile, django_assert_max_num_queries
):
    """Measured with an empty cache (the cards are cached), once with one creator, then with
    seven: the second request may not make more queries than the first."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.conftest import clear_every_cache

    make_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name="一人目", expertise=["direction"])
    clear_every_cache()
    with CaptureQueriesContext(connection) as one_creator:
        client.get("/ja/creators/?expertise=direction")
    for number in range(6):
        make_profile(PUBLISH_EXPERTISE, name=f"監督{number}", expertise=["direction", "vfx"])
    clear_every_cache()
    with django_assert_max_num_queries(len(one_creator)):
        names, _soup = listed(client, "?expertise=direction")
    assert len(names) == 7
