"""Where works pages may live, and that every page type of the app has a factory."""

import factory
import pytest
from wagtail.models import Page, get_page_models

from home.models import HomePage
from tests.works import factories
from works.models import WorkPage, WorksIndexPage

pytestmark = pytest.mark.django_db


def test_every_works_page_type_has_a_factory():
    factory_models = {
        f._meta.model
        for f in vars(factories).values()
        if isinstance(f, type) and issubclass(f, factory.base.Factory)
    }
    works_pages = {model for model in get_page_models() if model._meta.app_label == "works"}
    assert works_pages == {WorksIndexPage, WorkPage}
    assert works_pages <= factory_models


def test_works_index_goes_under_a_home_page_once_per_language(site, works_index):
    assert WorksIndexPage.allowed_parent_page_models() == [HomePage]
    assert not WorksIndexPage.can_create_at(site["ja"]), "a second index in the same language"
    assert WorksIndexPage.can_create_at(site["en"])
    assert not WorksIndexPage.can_create_at(Page.objects.get(depth=1))


def test_works_go_only_under_a_works_index(site, works_index, make_work):
    work = make_work()
    assert WorkPage.can_create_at(works_index)
    assert not WorkPage.can_create_at(site["ja"])
    assert not WorkPage.can_create_at(work), "works have no children"
    assert WorksIndexPage.allowed_subpage_models() == [WorkPage]


def test_a_work_created_by_factory_renders(client, make_work):
    work = make_work(title="渋谷、午前零時")
    response = client.get(work.url)
    assert response.status_code == 200
    assert "渋谷、午前零時" in response.text


def test_the_index_renders_empty(client, works_index):
    response = client.get("/ja/works/")
    assert response.status_code == 200
    assert "まだ作品がありません" in response.text and "No works yet" not in response.text
