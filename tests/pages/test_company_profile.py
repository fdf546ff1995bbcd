"""The company profile (会社概要) at /ja/about/ and /en/about/ reads the site settings, and its
Organization structured data says the same thing."""

import datetime
import json
import re

import pytest

from home.models import SiteSettings
from tests.pages.factories import CompanyProfilePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(site):
    settings = SiteSettings.load()
    settings.representative_ja = "代表取締役 大野 拓也"
    settings.representative_en = "Takuya Ohno, Representative Director"
    settings.founded = datetime.date(2016, 4, 1)
    settings.business_ja = "映像制作"
    settings.business_en = "Film production"
    settings.save()
    page = CompanyProfilePageFactory(parent=site["ja"], locale=site["ja"].locale)
    english = page.copy_for_translation(site["en"].locale)
    english.title = "About"
    english.save_revision().publish()
    return page


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_the_profile_shows_the_settings_in_japanese(client, about):
    html = client.get("/ja/about/").content.decode()
    for text in ("株式会社ALL IN", "代表取締役 大野 拓也", "2016年4月", "映像制作", "東京都渋谷区"):
        assert text in html
    assert "filmproduction@allhero.co.jp" in html
    assert "<dt>代表者</dt>" in html and "<dt>設立</dt>" in html


def test_the_profile_shows_the_settings_in_english(client, about):
    html = client.get("/en/about/").content.decode()
    for text in ("ALL IN CO.,LTD.", "Takuya Ohno", "April 2016", "Film production", "Shibuya-ku"):
        assert text in html
    assert "代表取締役" not in html


def test_the_organization_json_ld_comes_from_the_same_settings(client, about):
    settings = SiteSettings.load()
    settings.company_en = "ALL IN Co., Ltd. (renamed)"
    settings.save()
    data = json_ld(client.get("/en/about/").content.decode())
    organization = next(item for item in data if item["@type"] == "Organization")
    assert organization["name"] == "ALL IN Co., Ltd. (renamed)"
    assert organization["foundingDate"] == "2016-04-01"
    assert organization["address"]["streetAddress"].startswith("2nd Floor")
    assert organization["url"] == "http://testserver/"
    assert all(item["@type"] != "Person" for item in data)


def test_an_empty_representative_is_left_out(client, about):
    settings = SiteSettings.load()
    settings.representative_ja = ""
    settings.save()
    html = client.get("/ja/about/").content.decode()
    assert "<dt>代表者</dt>" not in html
