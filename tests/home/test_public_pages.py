"""The policy, the entry form and the privacy-request page stay public: no view restriction
("Change privacy") may cover them, on the page or above it, whoever sets it."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import PageViewRestriction

from policy.models import PolicyPage
from policy.permissions import LEGAL_APPROVERS
from tests.creators.factories import EntryFormPageFactory
from tests.policy.factories import PolicyPageFactory, publish
from tests.privacy_requests.factories import PrivacyRequestPageFactory
from tests.works.factories import WorksIndexPageFactory


@pytest.fixture
def pages(home_ja):
    policy = PolicyPageFactory(parent=home_ja, locale=home_ja.locale)
    publish(policy)
    pages = {
        "policy": PolicyPage.objects.get(pk=policy.pk),
        "home": home_ja,
        "entry": EntryFormPageFactory(parent=home_ja, locale=home_ja.locale),
        "privacy requests": PrivacyRequestPageFactory(parent=home_ja, locale=home_ja.locale),
        "works": WorksIndexPageFactory(parent=home_ja, locale=home_ja.locale),
    }
    return pages


def user_in(django_user_model, name, *groups, superuser=False):
    if superuser:
        return django_user_model.objects.create_superuser(name, f"{name}@example.com", "pw")
    user = django_user_model.objects.create_user(name, f"{name}@example.com", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture(params=["editor", "legal approver", "superuser"])
def staff(request, django_user_model):
    return {
        "editor": lambda: user_in(django_user_model, "editor", "Editors"),
        "legal approver": lambda: user_in(django_user_model, "legal", "Editors", LEGAL_APPROVERS),
        "superuser": lambda: user_in(django_user_model, "root", superuser=True),
    }[request.param]()


def set_privacy(client, page, restriction_type="login"):
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    data = {"restriction_type": restriction_type, "password": "secret-door", "groups": []}
    return client.post(url, data)


@pytest.mark.parametrize("name", ["policy", "home", "entry", "privacy requests"])
def test_nobody_restricts_an_always_public_page_in_the_admin(pages, staff, client, name):
    client.force_login(staff)
    page = pages[name]
    response = client.get(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]))
    if response.status_code == 200:  # offered to those who may publish the page…
        assert "login" not in response.json()["html"]  # …but with no privacy to choose
    for restriction_type in ("login", "password"):
        set_privacy(client, page, restriction_type)
    assert not PageViewRestriction.objects.exists()
    for path in ("/ja/", "/ja/privacy-policy/", "/ja/entry/", "/ja/privacy-requests/"):
        client.logout()
        assert client.get(path).status_code == 200, path


def test_other_pages_can_still_be_restricted(pages, django_user_model, client):
    """The control: the same admin request does restrict a page that covers none of them."""
    client.force_login(user_in(django_user_model, "root", superuser=True))
    set_privacy(client, pages["works"])
    assert PageViewRestriction.objects.get().page_id == pages["works"].pk
    client.logout()
    assert client.get("/ja/works/").status_code == 302


@pytest.mark.parametrize("name", ["policy", "home", "entry", "privacy requests"])
def test_the_model_layer_refuses_a_covering_restriction(pages, name):
    for restriction_type in ("login", "password", "groups"):
        with override("en"), pytest.raises(ValidationError, match="must stay public"):
            PageViewRestriction.objects.create(
                page=pages[name], restriction_type=restriction_type, password="x"
            )
    assert not PageViewRestriction.objects.exists()
