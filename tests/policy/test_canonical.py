"""The policy's history, version and comparison pages are their own canonical pages, with
hreflang alternates to their own counterparts (not to the policy page above them)."""

import re

import pytest

from tests.policy.factories import publish

pytestmark = pytest.mark.django_db


def links(html):
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    return canonical, alternates


def test_the_history_page_is_its_own_canonical(client, policy_ja, policy_en):
    canonical, alternates = links(client.get("/en/privacy-policy/versions/").content.decode())
    assert canonical == ["http://testserver/en/privacy-policy/versions/"]
    assert alternates == {
        "en": "http://testserver/en/privacy-policy/versions/",
        "ja": "http://testserver/ja/privacy-policy/versions/",
        "x-default": "http://testserver/ja/privacy-policy/versions/",
    }


def test_a_version_page_points_at_the_version_it_translates(client, policy_ja, policy_en):
    canonical, alternates = links(client.get("/en/privacy-policy/versions/1/").content.decode())
    assert canonical == ["http://testserver/en/privacy-policy/versions/1/"]
    assert alternates["ja"] == "http://testserver/ja/privacy-policy/versions/1/"
    assert alternates["en"] == "http://testserver/en/privacy-policy/versions/1/"


def test_a_comparison_is_its_own_canonical(client, policy_ja):
    publish(policy_ja, summary_of_changes="第2版")
    html = client.get("/ja/privacy-policy/versions/1/compare/2/").content.decode()
    canonical, alternates = links(html)
    assert canonical == ["http://testserver/ja/privacy-policy/versions/1/compare/2/"]
    assert alternates["ja"] == "http://testserver/ja/privacy-policy/versions/1/compare/2/"
    assert "en" not in alternates  # no English counterpart of these two versions


def test_the_policy_page_itself_keeps_its_canonical(client, policy_ja, policy_en):
    canonical, alternates = links(client.get("/ja/privacy-policy/").content.decode())
    assert canonical == ["http://testserver/ja/privacy-policy/"]
    assert alternates["x-default"] == "http://testserver/ja/privacy-policy/"
