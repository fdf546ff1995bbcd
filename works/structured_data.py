"""schema.org data for a work: people named only where their credit shows a name (the credit
lines already leave out everyone else), organisations as Organizations."""

from django.conf import settings

from .credits import PERSON

MOVIE_CATEGORIES = {"short-film", "series", "feature-film", "animation"}


def iso_duration(minutes):
    return f"PT{minutes}M" if minutes else None


def credit_json_ld(line):
    if line["kind"] == PERSON:
        return {"@type": "Person", "name": line["name"], "jobTitle": line["role"]}
    # jobTitle belongs to a Person; an organisation's part is said in words.
    return {"@type": "Organization", "name": line["name"], "description": line["role"]}


def work_json_ld(work, request, credits, categories, image_url=None):
    is_movie = any(category.slug in MOVIE_CATEGORIES for category in categories)
    data = {
        "@context": "https://schema.org",
        "@type": "Movie" if is_movie else "CreativeWork",
        "name": work.title,
        "description": work.summary,
        "url": work.get_full_url(request),
        "inLanguage": work.locale.language_code,
        "datePublished": work.release_date.isoformat(),
        "duration": iso_duration(work.runtime_minutes),
        "image": image_url,
        "genre": [category.name for category in categories] or None,
        "productionCompany": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        "creator": [credit_json_ld(line) for line in credits if line["name"]] or None,
    }
    if work.client:
        data["sponsor"] = {"@type": "Organization", "name": work.client}
    if any(category.slug == "series" for category in categories):
        data["@type"] = "CreativeWorkSeries"  # episodes, not one film
    return {key: value for key, value in data.items() if value is not None}
