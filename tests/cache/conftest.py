"""A site with every public page type, in Japanese, with one creator credited on one work."""

import pytest

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from tests.contact.factories import ContactPageFactory
from tests.creators.conftest import (  # noqa: F401  the creators' fixtures, reused here
    creators_index_ja,
    entry_page_ja,
    make_profile,
    policy_page_ja,
    policy_version_ja,
)
from tests.privacy_requests.factories import PrivacyRequestPageFactory
from tests.works.conftest import local_embeds, make_work, works_index  # noqa: F401
from tests.works.factories import WorkCreditFactory

CREATOR_NAME = "桜井 凛"


@pytest.fixture
def public_site(site, request):
    home = site["ja"]
    request.getfixturevalue("entry_page_ja")
    policy_page = request.getfixturevalue("policy_page_ja")
    new_profile, new_work = map(request.getfixturevalue, ("make_profile", "make_work"))
    creator, profile = new_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name=CREATOR_NAME)
    work = new_work(slug="shibuya-midnight", title="渋谷ミッドナイト")
    WorkCreditFactory(work=work, creator_page=profile, role="監督")
    work.save_revision().publish()
    PrivacyRequestPageFactory(parent=home, locale=home.locale)
    ContactPageFactory(parent=home, locale=home.locale)
    return {
        "creator": creator,
        "profile": profile,
        "work": work,
        "policy": policy_page,
        "home": home,
    }


PUBLIC_PATHS = [
    "/ja/",
    "/ja/works/",
    "/ja/works/shibuya-midnight/",
    "/ja/creators/",
    "/ja/privacy-policy/",
    "/ja/privacy-policy/versions/",
    "/ja/privacy-policy/versions/1/",
]
PRIVATE_PATHS = ["/ja/entry/", "/ja/privacy-requests/", "/ja/contact/", "/ja/search/?q=作品"]


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, and a CDN that records its purges (tests.cache.edge)."""
    from tests.cache.edge import RecordingBackend

    if "locmem" in settings.CACHES["default"]["BACKEND"]:
        # Local memory culls a third of its 300 entries when full (renditions, search terms):
        # that would drop generations at random and measure the eviction, not the cache.
        # (Eviction only ever causes a miss; Redis in production is sized for the site.)
        settings.CACHES = {
            alias: {**config, "OPTIONS": {"MAX_ENTRIES": 100_000}}
            for alias, config in settings.CACHES.items()
        }
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {"edge": {"BACKEND": "tests.cache.edge.RecordingBackend"}}
    RecordingBackend.purged.clear()
    return RecordingBackend.purged
