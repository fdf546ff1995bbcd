import urllib.request

import pytest
from wagtail.embeds.finders import get_finders

from tests.works.factories import WorkPageFactory, WorksIndexPageFactory
from works.models import WorkPage


@pytest.fixture(autouse=True)
def local_embeds(settings, monkeypatch):
    """Embeds come from a local finder; any attempt to reach the network fails the test."""

    def no_network(*args, **kwargs):
        raise AssertionError("a test tried to use the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.works.embed_finder.LocalEmbedFinder"}]
    get_finders.cache_clear()
    yield
    get_finders.cache_clear()


@pytest.fixture
def works_index(site):
    return WorksIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)


@pytest.fixture
def works_index_en(site, works_index):
    return WorksIndexPageFactory(
        parent=site["en"], locale=site["en"].locale, title="Works", intro="What we made."
    )


@pytest.fixture
def make_work(works_index):
    """A published work under the Japanese index (or `parent`), with `categories`/`ai_tools`."""

    def make(parent=None, categories=(), ai_tools=(), **fields):
        parent = parent or works_index
        work = WorkPageFactory(parent=parent, locale=parent.locale, **fields)
        work.categories.set(categories)
        work.ai_tools.set(ai_tools)
        work.save()
        if fields.get("live", True):
            work.save_revision().publish()
        return WorkPage.objects.get(pk=work.pk)

    return make


@pytest.fixture
def make_creator_page(site):
    """A live creator profile (Japanese, with its English translation when `english`) for a
    new creator who gave the listed publishing consents: the real creators app, no stand-in."""
    from creators.choices import PUBLISH_NAME
    from creators.models import CreatorsIndexPage
    from tests.creators.conftest import give
    from tests.creators.factories import (
        CreatorFactory,
        CreatorPageFactory,
        CreatorsIndexPageFactory,
    )

    def index(language):
        home = site[language]
        existing = CreatorsIndexPage.objects.filter(locale=home.locale).first()
        if existing:
            return existing
        if language == "ja":
            return CreatorsIndexPageFactory(parent=home, locale=home.locale)
        english = index("ja").copy_for_translation(home.locale)
        english.save_revision().publish()
        return english

    def make(*consents, english=False, **creator_fields):
        consents = consents or (PUBLISH_NAME,)
        creator = CreatorFactory(**creator_fields)
        give(creator, *[what for what in consents if what])
        parent = index("ja")
        page = CreatorPageFactory(parent=parent, locale=parent.locale, creator=creator)
        if english:
            index("en")
            translation = page.copy_for_translation(site["en"].locale)
            translation.save_revision().publish()
        return page

    return make
