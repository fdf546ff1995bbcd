"""The demo posts the studio's policy faithfully, in both languages, with one amendment each."""

import re

import pytest
from django.core.management import call_command
from wagtail_localize.models import TranslationSource

from policy.models import PolicyPage, PolicyVersion
from policy.seed import read_policy

pytestmark = pytest.mark.slow


def source_sentences(language_code):
    """Every line of the seed text except titles and article headings, without item numbers."""
    lines = [line.strip() for line in read_policy(language_code).splitlines() if line.strip()]
    heading = re.compile(r"^(Article \d+ \(|第\d+条（)|^(Privacy Policy|プライバシーポリシー)$")
    return [re.sub(r"^\d+\.\s+", "", line) for line in lines if not heading.match(line)]


def test_demo_posts_the_policy_faithfully_twice_per_language_once(db, client):
    # One test, because loading the whole demo twice is the slow part.
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    for code in ("ja", "en"):
        versions = PolicyVersion.objects.for_language(code)
        assert list(versions.values_list("number", flat=True)) == [2, 1]
        assert PolicyPage.objects.filter(locale__language_code=code).count() == 1
        first = versions.get(number=1)
        for sentence in source_sentences(code):
            assert sentence in first.body_text
        assert len([b for b in first.body_json if b["type"] == "article"]) == 9
    english = PolicyVersion.objects.for_language("en").get(number=2)
    assert english.translates == PolicyVersion.objects.for_language("ja").get(number=2)
    assert TranslationSource.objects.filter(locale__language_code="ja").exists()
    html = client.get("/en/privacy-policy/versions/1/compare/2/").content.decode()
    assert re.search(r"<ins>\s*The date and time at which each version", html)
    html = client.get("/ja/privacy-policy/versions/1/compare/2/").content.decode()
    assert re.search(r"<ins>\s*本ポリシーの各版が効力を生じた日時", html)
    assert (
        "第8条（プライバシーポリシーの変更）" in client.get("/ja/privacy-policy/").content.decode()
    )
