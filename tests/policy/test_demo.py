"""The demo posts the studio's policy faithfully in both languages (version 1) and submits an\namendment for Legal approval, so no two versions are posted in the same second."""

import re

import pytest
from django.core.management import call_command
from wagtail_localize.models import TranslationSource

from policy.models import PolicyPage
from policy.permissions import LEGAL_WORKFLOW
from policy.seed import read_policy
from policy.versions import PolicyVersion

pytestmark = pytest.mark.slow


def source_sentences(language_code):
    """Every line of the seed text except titles and article headings, without item numbers."""
    lines = [line.strip() for line in read_policy(language_code).splitlines() if line.strip()]
    heading = re.compile(r"^(Article \d+ \(|第\d+条（)|^(Privacy Policy|プライバシーポリシー)$")
    return [re.sub(r"^\d+\.\s+", "", line) for line in lines if not heading.match(line)]


def test_demo_posts_version_1_and_submits_the_amendment_for_legal_approval(db, client):
    # One test, because loading the whole demo twice is the slow part.
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    for code in ("ja", "en"):
        versions = PolicyVersion.objects.for_language(code)
        assert list(versions.values_list("number", flat=True)) == [1]
        assert PolicyPage.objects.filter(locale__language_code=code).count() == 1
        first = versions.get()
        for sentence in source_sentences(code):
            assert sentence in first.body_text
        assert len([b for b in first.body_json if b["type"] == "article"]) == 9
    english = PolicyVersion.objects.for_language("en").get()
    assert english.translates == PolicyVersion.objects.for_language("ja").get()
    assert TranslationSource.objects.filter(locale__language_code="ja").exists()
    # The amendment waits for Legal: visitors still read version 1, without the new paragraph.
    japanese = PolicyPage.objects.get(locale__language_code="ja")
    assert japanese.workflow_in_progress
    assert japanese.current_workflow_state.workflow.name == LEGAL_WORKFLOW
    pending = japanese.get_latest_revision_as_object()
    assert "本ポリシーの各版が効力を生じた日時" in str(pending.body.get_prep_value())
    html = client.get("/ja/privacy-policy/").content.decode()
    assert "第8条（プライバシーポリシーの変更）" in html
    assert "本ポリシーの各版が効力を生じた日時" not in html
    history = client.get("/ja/privacy-policy/versions/").content.decode()
    assert history.count('class="policy-history__entry') == 1
