"""The privacy requests page: where it may live, that it renders, and its demo content."""

import io

import factory
import pytest
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from demo import privacy_requests as demo
from home.models import HomePage
from privacy_requests.models import PrivacyRequest, PrivacyRequestPage

pytestmark = pytest.mark.django_db


def test_every_page_type_of_the_app_has_a_factory():
    from tests.privacy_requests import factories

    factory_models = {
        f._meta.model
        for f in vars(factories).values()
        if isinstance(f, type) and issubclass(f, factory.base.BaseFactory)
    }
    pages = {m for m in get_page_models() if m._meta.app_label == "privacy_requests"}
    assert pages == {PrivacyRequestPage}
    assert pages <= factory_models


def test_one_page_per_language(site, request_pages):
    assert not PrivacyRequestPage.can_create_at(site["ja"]), "a second page in the same language"
    assert not PrivacyRequestPage.can_create_at(Page.objects.get(depth=1))


class TestTree(WagtailPageTestCase):
    def test_the_page_lives_under_a_home_page_only(self):
        self.assertAllowedParentPageTypes(PrivacyRequestPage, {HomePage})
        self.assertAllowedSubpageTypes(PrivacyRequestPage, {})


def test_the_page_renders_in_both_languages_with_its_own_language(client, request_pages):
    for code in ("ja", "en"):
        response = client.get(f"/{code}/privacy-requests/")
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.content.decode()


def test_the_per_person_steps_are_kept_out_of_search_engines(client, request_pages):
    assert "noindex" not in client.get("/en/privacy-requests/").content.decode()
    assert "noindex" in client.get("/en/privacy-requests/sent/").content.decode()


def test_the_demo_loader_is_idempotent_and_fills_both_languages(client, site):
    demo.load(site, io.StringIO())
    counts = (PrivacyRequestPage.objects.count(), PrivacyRequest.objects.count())
    demo.load(site, io.StringIO())
    assert (PrivacyRequestPage.objects.count(), PrivacyRequest.objects.count()) == counts == (2, 2)
    assert not PrivacyRequestPage.objects.filter(show_in_menus=True).exists()
    assert client.get("/ja/privacy-requests/").status_code == 200
    assert client.get("/en/privacy-requests/").status_code == 200
    statuses = set(PrivacyRequest.objects.values_list("status", flat=True))
    assert len(statuses) == 2
    assert any(r.is_overdue() for r in PrivacyRequest.objects.all())
