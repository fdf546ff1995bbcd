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
