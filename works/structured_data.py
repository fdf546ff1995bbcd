"""schema.org data for a work, with people named only where their credit shows a name."""

from django.conf import settings

MOVIE_CATEGORIES = {"short-film", "feature-film", "animation"}
SERIES_CATEGORIES = {"series"}


def iso_duration(minutes):
    return f"PT{minutes}M" if minutes else None


def schema_type(categories):
    slugs = {category.slug for category in categories}
    if slugs & SERIES_CATEGORIES:
        return "CreativeWorkSeries"
    return "Movie" if slugs & MOVIE_CATEGORIES else "CreativeWork"


def credited(line):
    """The studio credited as itself is an Organization; everyone else is a person."""
    if line["name"] == settings.WAGTAIL_SITE_NAME:
        return {"@type": "Organization", "name": line["name"]}
    return {"@type": "Person", "name": line["name"], "jobTitle": line["role"]}


def work_json_ld(work, request, credits, categories, image_url=None):
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(categories),
        "name": work.title,
        "description": work.summary,
        "url": work.get_full_url(request),
        "inLanguage": work.locale.language_code,
        "datePublished": work.release_date.isoformat(),
        "duration": iso_duration(work.runtime_minutes),
        "image": image_url,
        "genre": [category.name for category in categories] or None,
        "productionCompany": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        "creator": [credited(line) for line in credits if line["name"]] or None,
    }
    if work.client:
        data["sponsor"] = {"@type": "Organization", "name": work.client}
    return {key: value for key, value in data.items() if value is not None}
