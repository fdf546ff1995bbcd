"""schema.org types: a series is a series, a short film a Movie."""

import datetime
from types import SimpleNamespace

from works.structured_data import work_json_ld


def json_ld_type(*slugs):
    work = SimpleNamespace(
        title="星を編む人",
        summary="",
        get_full_url=lambda request: "http://testserver/ja/works/x/",
        locale=SimpleNamespace(language_code="ja"),
        release_date=datetime.date(2023, 1, 15),
        runtime_minutes=22,
        client="",
    )
    categories = [SimpleNamespace(slug=slug, name=slug) for slug in slugs]
    return work_json_ld(work, None, [], categories)["@type"]


def test_a_series_is_typed_as_a_series_and_a_short_film_as_a_movie():
    assert json_ld_type("series") == "CreativeWorkSeries"
    assert json_ld_type("short-film") == "Movie"
    assert json_ld_type("commercial") == "CreativeWork"
