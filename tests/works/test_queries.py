"""The home page, the index and a work page run at most ten queries with the page cache off,
whatever the number of works, credits and images (measured after a first request has made the
image renditions and filled the shared cache with the navigation, issue 12)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.catalogue import build_catalogue
from demo.works import load_taxonomies
from tests.works.factories import ImageFactory, WorkCreditFactory, image_value, stream
from works.roles import CREDIT_ROLES

pytestmark = pytest.mark.django_db

INDEX_MAX_QUERIES = 10
# Real creator profiles (not a stand-in) cost what production pays: the credits with their
# pages, the profiles with their translations and creators (one query), the consents.
WORK_MAX_QUERIES = 10
HOME_MAX_QUERIES = 10


@pytest.fixture(autouse=True)
def roomy_cache(settings):
    """Wagtail keeps renditions in the default cache. With many images, the small local-memory
    cache of the test settings evicts other entries (site root paths) at random, and the test
    would measure that eviction rather than this code. Production uses Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }


@pytest.fixture
def catalogue(works_index, works_index_en):
    def build(count):
        build_catalogue({"ja": works_index, "en": works_index_en}, count, load_taxonomies())

    return build


def queries(client, url):
    assert client.get(url).status_code == 200  # warm up: renditions are made once
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("count", [10, 200])
def test_index_queries_do_not_grow_with_works(
    client, catalogue, count, django_assert_max_num_queries
):
    catalogue(count)
    client.get("/ja/works/")
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        response = client.get("/ja/works/?category=short-film")
    assert response.status_code == 200


INDEX_PATHS = [
    "/ja/works/",
    "/en/works/",
    "/ja/works/?year=2010",
    "/ja/works/?category=short-film",
    "/ja/works/?page=2",
    "/ja/works/?category=short-film&page=2",
]


def test_index_and_home_same_count_for_10_and_200_works(client, catalogue):
    catalogue(70)  # enough for a second page, filtered too
    small = [queries(client, path) for path in ["/ja/", "/en/", *INDEX_PATHS]]
    catalogue(200)
    large = [queries(client, path) for path in ["/ja/", "/en/", *INDEX_PATHS]]
    assert small == large
    assert max(large) <= INDEX_MAX_QUERIES


@pytest.mark.parametrize("featured", [1, 6])
def test_home_page_with_featured_works_within_budget(
    client, site, catalogue, featured, django_assert_max_num_queries
):
    from home.models import HomePageFeaturedWork
    from works.models import WorkPage

    catalogue(10)
    for language in ("ja", "en"):
        home = site[language]
        works = WorkPage.objects.live().filter(locale=home.locale)[:featured]
        home.featured_works = [
            HomePageFeaturedWork(page=work, sort_order=n) for n, work in enumerate(works)
        ]
        home.save_revision().publish()
        client.get(f"/{language}/")
        with django_assert_max_num_queries(HOME_MAX_QUERIES):
            response = client.get(f"/{language}/")
        assert response.text.count('class="card work-card"') == featured


def work_with(make_work, make_creator_page, credits, stills, slug):
    """A work with `credits` lines, every other one a real consenting creator's profile (both
    languages, so the English link is looked up too), the rest organisations."""
    images = [ImageFactory() for _ in range(stills)]
    work = make_work(
        slug=slug,
        poster=ImageFactory(),
        body=stream(
            ("gallery", {"heading": "", "images": [image_value(i) for i in images]}),
            *[("image", {"image": image_value(i), "caption": "c"}) for i in images],
            *[
                (
                    "video",
                    {
                        "video": f"https://www.youtube.com/watch?v=abcdefghij{n}",
                        "title": "",
                        "poster": images[0].pk,
                    },
                )
                for n in range(min(stills, 9))
            ],
        ),
    )
    for n in range(credits):
        role = CREDIT_ROLES[n % len(CREDIT_ROLES)][0]
        if n % 2:
            page = make_creator_page(name=f"名前{slug}{n}", english=n % 4 == 1)
            WorkCreditFactory(work=work, role=role, creator_page=page)
        else:
            WorkCreditFactory(work=work, role=role, organisation=f"外部スタジオ{n}")
    return work


def work_locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


@pytest.mark.parametrize("credits,stills", [(1, 1), (40, 25)])
def test_work_page_queries_are_bounded(
    client,
    make_work,
    make_creator_page,
    credits,
    stills,
    django_assert_max_num_queries,
):
    work = work_with(make_work, make_creator_page, credits, stills, "w")
    client.get(work.url)
    with django_assert_max_num_queries(WORK_MAX_QUERIES):
        response = client.get(work.url)
    assert response.status_code == 200
    if credits > 1:
        assert f"名前w{credits - 1}" in response.text  # the real names really were shown
    # The English work credits the English profiles (looked up in the same query).
    index_en = work.get_parent().specific.copy_for_translation(work_locale("en"))
    index_en.save_revision().publish()
    english = work.copy_for_translation(work_locale("en"))
    english.save_revision().publish()
    client.get(english.url)
    with django_assert_max_num_queries(WORK_MAX_QUERIES):
        assert client.get(english.url).status_code == 200


def test_work_page_same_count_for_few_and_many_credits_and_images(
    client, make_work, make_creator_page, catalogue
):
    small = work_with(make_work, make_creator_page, 2, 1, "small")
    large = work_with(make_work, make_creator_page, 40, 25, "large")
    catalogue(50)
    assert queries(client, small.url) == queries(client, large.url)


def test_sitemap_same_count_for_10_and_200_works(client, catalogue):
    catalogue(10)
    small = queries(client, "/sitemap.xml")
    catalogue(200)
    large = queries(client, "/sitemap.xml")
    assert small == large
    assert client.get("/sitemap.xml").text.count("<url>") > 400


@pytest.mark.parametrize("query", ["夜明け", "dawn"], ids=["japanese", "english"])
def test_search_results_same_count_for_2_and_12_matches(client, make_work, query):
    def add(prefix, count):
        for n in range(count):
            make_work(slug=f"{prefix}{n}", title=f"夜明け {prefix}{n}", summary="dawn city")

    url = f"/ja/search/?q={query}"
    add("a", 2)
    small = queries(client, url)
    add("b", 10)
    large = queries(client, url)
    assert small == large
    results = client.get(url).text.split('class="search-results"')[1].split("</ol>")[0]
    assert results.count("<h2>") == 10  # a full page of results
