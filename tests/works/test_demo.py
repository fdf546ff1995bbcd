import re
from io import StringIO

import pytest
from django.core.management import call_command

from works.models import AITool, WorkCategory, WorkPage

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_works_in_both_languages_idempotent(client):
    call_command("load_demo", stdout=StringIO())
    counts = WorkPage.objects.count(), AITool.objects.count(), WorkCategory.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert (
        WorkPage.objects.count(),
        AITool.objects.count(),
        WorkCategory.objects.count(),
    ) == counts
    ja = WorkPage.objects.filter(locale__language_code="ja").live()
    en = WorkPage.objects.filter(locale__language_code="en").live()
    assert ja.count() >= 8 and en.count() == ja.count()
    assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", work.title) for work in ja)
    assert len({work.release_date.year for work in ja}) >= 3
    assert len({c.slug for work in ja for c in work.categories.all()}) >= 4
    assert all(work.poster_id for work in ja)
    for code in ("ja", "en"):
        names = set(
            AITool.objects.filter(locale__language_code=code).values_list("name", flat=True)
        )
        assert {"Runway", "Sora", "Midjourney", "Stable Diffusion", "ElevenLabs"} <= names
    for url in ("/ja/works/", "/en/works/", "/ja/", "/en/works/shibuya-midnight/"):
        assert client.get(url).status_code == 200
    assert 'class="card work-card"' in client.get("/en/").text, "featured works on the home page"
    demo_credits_are_consented_and_distinct(client, ja)


def demo_credits_are_consented_and_distinct(client, works):
    """Every person credited is a creator whose name consent is in force; no two works carry
    the same credits (issue 16); the English work says its roles in English."""
    from creators.consent import consent_states
    from works.credits import credits_for

    lines = {}
    for work in works:
        credits = list(work.credits.all())
        people = [c for c in credits if c.creator_page_id]
        assert people and len(credits_for(work)) == len(credits), work.slug  # nothing hidden
        creators = [c.creator_page.specific.creator for c in people]
        states = consent_states([creator.pk for creator in creators])
        assert all(states[creator.pk].get("publish_name") for creator in creators), work.slug
        lines[work.slug] = tuple((c.role, c.creator_page_id, c.organisation) for c in credits)
    assert len(set(lines.values())) == len(lines), "each work has its own credits"
    html = client.get("/en/works/shibuya-midnight/").text
    assert "<dt>Director</dt>" in html and "監督" not in html
    assert 'href="/en/creators/creator-1063/"' in html


def test_load_demo_builds_a_large_catalogue(client):
    call_command("load_demo", "--works", "30", stdout=StringIO())
    call_command("load_demo", "--works", "30", stdout=StringIO())
    assert WorkPage.objects.filter(locale__language_code="ja").count() == 9 + 30
    assert WorkPage.objects.filter(locale__language_code="en").count() == 9 + 30
    response = client.get("/ja/works/?page=4")
    assert response.status_code == 200
    assert client.get("/en/works/catalogue-work-00030/").status_code == 200
