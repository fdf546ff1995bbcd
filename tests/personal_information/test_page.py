"""The public page of retained personal data (APPI Art. 32), generated from the registry and the
settings, in both languages; and the dashboard flag for what editors have not filled in."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import escape
from wagtail import hooks
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from demo import personal_information as demo
from home.models import HomePage, SiteSettings
from home.personal_data import personal_data_handlers
from personal_information.models import PersonalInformationPage, PersonalInformationSettings
from tests.personal_information.factories import PersonalInformationPageFactory
from tests.policy.conftest import policy_en, policy_ja  # noqa: F401 (fixtures)
from tests.privacy_requests.conftest import stand_in_handler

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site):
    demo.load(site, io.StringIO())
    return {code: PersonalInformationPage.objects.get(locale__language_code=code) for code in site}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_page_lists_every_registered_kind_of_data_with_purpose_and_retention(
    client, pages, language
):
    html = client.get(f"/{language}/personal-information/").content.decode()
    with translation.override(language):
        for handler in personal_data_handlers():
            assert escape(str(handler.description)) in html, handler.name
            assert escape(str(handler.purpose)) in html, handler.name
            for rule in handler.retention:
                assert escape(str(rule.description) % {"days": rule.period_days()}) in html
        site = SiteSettings.load()
        for value in (site.company, site.address, site.representative):
            assert escape(value) in html
        notice = PersonalInformationSettings.load()
        for label, text in notice.measures():
            assert escape(str(label)) in html and escape(text) in html
        assert escape(notice.countries()[0]["regime"]) in html
    assert f'href="/{language}/privacy-requests/"' in html
    assert "1,000" in html
    assert site.email in html  # the inquiry window


# How the page names each kind of request the form takes (APPI Art. 32(1)(iii)); a new kind
# fails here until the page says how to make it.
REQUEST_KINDS_ON_THE_PAGE = {
    "disclosure": "Disclosure (Article 5)",
    "provision_records": "Disclosure (Article 5), including the records of provision",
    "correction": "Correction, addition or deletion (Article 6)",
    "deletion": "Correction, addition or deletion (Article 6)",
    "suspension": "Suspension of use, erasure",
    "stop_provision": "suspension of provision to third parties",
    "purpose_notice": "Notice of the purposes of use",
}


def test_the_page_says_how_to_make_every_kind_of_request(client, pages):
    from privacy_requests.models import PrivacyRequest

    html = client.get("/en/personal-information/").content.decode()
    for kind in PrivacyRequest.Kind:
        if kind != PrivacyRequest.Kind.OTHER:
            assert REQUEST_KINDS_ON_THE_PAGE[kind] in html, kind
    ja = client.get("/ja/personal-information/").content.decode()
    assert "保有個人データの利用目的の通知（無料）" in ja


def test_a_new_handler_appears_on_the_page_without_touching_the_page(client, pages):
    with hooks.register_temporarily("register_personal_data", stand_in_handler):
        html = client.get("/en/personal-information/").content.decode()
    assert "Stand-in form submissions" in html
    assert "Stand-in submissions: deleted after 30 days." in html


def test_a_changed_retention_period_shows_on_the_page(client, pages, settings):
    settings.PERSONAL_DATA_RETENTION = {"entries_declined": 14}
    html = client.get("/en/personal-information/").content.decode()
    assert "Entries the studio declined: erased 14 days after the decision." in html


@pytest.mark.usefixtures("policy_en")
def test_the_footer_and_the_policy_link_to_the_page(client, pages):
    from home.models import FooterLink, NavigationSettings

    for language in ("ja", "en"):
        response = client.get(f"/{language}/privacy-policy/")
        assert response.status_code == 200
        assert f'href="/{language}/personal-information/"' in response.content.decode()

    navigation = NavigationSettings.load()
    page = Page.objects.get(locale__language_code="ja", slug="personal-information")
    navigation.footer_links = [FooterLink(page=page)]  # editors choose the footer's links
    navigation.save()
    for language in ("ja", "en"):
        html = client.get(f"/{language}/").content.decode()
        assert f'href="/{language}/personal-information/"' in html


def test_one_page_per_language_at_its_fixed_address(site, pages):
    assert not PersonalInformationPage.can_create_at(site["ja"])
    page = PersonalInformationPageFactory.build(slug="elsewhere")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        page.full_clean()


class TestTree(WagtailPageTestCase):
    def test_the_page_lives_under_a_home_page_only(self):
        self.assertAllowedParentPageTypes(PersonalInformationPage, {HomePage})
        self.assertAllowedSubpageTypes(PersonalInformationPage, {})


def link_from_the_footer():
    from home.models import FooterLink, NavigationSettings

    navigation = NavigationSettings.load()
    page = PersonalInformationPage.objects.get(locale__language_code="ja")
    navigation.footer_links = [FooterLink(page=Page.objects.get(pk=page.pk))]
    navigation.save()


def test_the_dashboard_flags_empty_settings_until_they_are_filled(client, site):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert 'id="personal-information-missing' in html
    demo.load(site, io.StringIO())
    link_from_the_footer()
    html = client.get("/admin/").content.decode()
    assert 'id="personal-information-missing' not in html
    notice = PersonalInformationSettings.load()
    notice.physical_en = " "
    notice.save()
    html = client.get("/admin/").content.decode()
    assert 'id="personal-information-missing' in html


@pytest.mark.parametrize("emptied", ["representative", "countries", "regime"])
def test_the_dashboard_flags_each_matter_the_operator_alone_can_fill_in(client, site, emptied):
    from django.utils.translation import gettext

    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    demo.load(site, io.StringIO())
    link_from_the_footer()
    assert 'id="personal-information-missing' not in client.get("/admin/").content.decode()
    with translation.override("ja"):  # the admin speaks Japanese by default
        if emptied == "representative":
            business = SiteSettings.load()
            business.representative_en = ""
            business.save()
            expected = gettext("Representative (%(language)s)") % {"language": "en"}
        else:
            notice = PersonalInformationSettings.load()
            if emptied == "countries":
                notice.storage_countries = []
                expected = gettext("countries where data is stored or processed")
            else:
                block = notice.storage_countries[0].value
                block["regime_ja"] = ""
                expected = gettext("the regime of %(country)s") % {"country": block["country_en"]}
            notice.save()
    html = client.get("/admin/").content.decode()
    assert 'id="personal-information-missing' in html
    assert escape(expected) in html


def test_the_dashboard_flags_a_footer_that_does_not_link_to_the_page(client, site):
    from django.utils.translation import gettext

    from home.models import NavigationSettings

    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    demo.load(site, io.StringIO())
    link_from_the_footer()
    assert 'id="personal-information-missing' not in client.get("/admin/").content.decode()
    navigation = NavigationSettings.load()
    navigation.footer_links = []
    navigation.save()
    html = client.get("/admin/").content.decode()
    assert 'id="personal-information-missing' in html
    with translation.override("ja"):
        label = gettext("A footer link to the page of retained personal data")
    assert escape(label) in html and "/admin/settings/home/navigationsettings/" in html


def test_editors_do_not_get_the_panel(client, site):
    from django.contrib.auth.models import Group

    from home.groups import EDITORS

    editor = get_user_model().objects.create_user("ed", "ed@example.com", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert 'id="personal-information-missing' not in client.get("/admin/").content.decode()
    assert Page.objects.exists()
