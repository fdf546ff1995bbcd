"""schema.org types: a series is a series, the studio is an Organization, never a Person."""

from types import SimpleNamespace

from works.structured_data import credited, schema_type


def categories(*slugs):
    return [SimpleNamespace(slug=slug) for slug in slugs]


def test_a_series_is_typed_as_a_series_and_a_short_film_as_a_movie():
    assert schema_type(categories("series")) == "CreativeWorkSeries"
    assert schema_type(categories("short-film")) == "Movie"
    assert schema_type(categories("commercial")) == "CreativeWork"


def test_the_studio_credited_as_itself_is_an_organization(settings):
    studio = credited({"name": settings.WAGTAIL_SITE_NAME, "role": "Production"})
    assert studio == {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
    person = credited({"name": "森下 遥", "role": "監督"})
    assert person == {"@type": "Person", "name": "森下 遥", "jobTitle": "監督"}
