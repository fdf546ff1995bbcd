import pytest

from tests.contact.factories import ContactPageFactory
from tests.creators.conftest import policy_version_ja  # noqa: F401 (the same posted version)


@pytest.fixture
def contact_ja(site):
    return ContactPageFactory(parent=site["ja"], locale=site["ja"].locale)


@pytest.fixture
def contact_en(site, contact_ja):
    page = contact_ja.copy_for_translation(site["en"].locale)
    page.title = "Contact"
    page.save_revision().publish()
    return page
