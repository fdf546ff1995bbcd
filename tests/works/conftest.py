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
