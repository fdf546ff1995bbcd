"""Credits show a person's name only where that person consented (through the linked page's
`credit_name()`); otherwise the role stands alone. Free-text names are for people outside the
database and never stand in for a linked page."""

import json
import re

import pytest
from wagtail.models import Page

from tests.works.factories import WorkCreditFactory

pytestmark = pytest.mark.django_db


class FakeCreatorPages:
    """Gives plain pages the creators contract, with a record of the prefetch calls."""

    def __init__(self, names):
        self.names = names
        self.prefetched = []

    def install(self, monkeypatch):
        names, prefetched = self.names, self.prefetched
        monkeypatch.setattr(Page, "credit_name", lambda page: names.get(page.pk), raising=False)
        monkeypatch.setattr(
            Page,
            "prefetch_for_credits",
            classmethod(lambda cls, pages: prefetched.append(sorted(p.pk for p in pages))),
            raising=False,
        )


def creator_page(home, slug, **fields):
    page = Page(title=f"Creator {slug}", slug=slug, **fields)
    home.add_child(instance=page)
    return page


@pytest.fixture
def credited(site, make_work, monkeypatch):
    home = site["ja"]
    consented = creator_page(home, "consented")
    withheld = creator_page(home, "withheld")
    unpublished = creator_page(home, "unpublished", live=False)
    fake = FakeCreatorPages(
        {consented.pk: "森下 遥", withheld.pk: None, unpublished.pk: "非公開の名前"}
    )
    fake.install(monkeypatch)
    work = make_work(slug="credited")
    WorkCreditFactory(work=work, role="監督", creator_page=consented, sort_order=0)
    # An editor typed a name too; the page's answer (no consent) wins.
    WorkCreditFactory(work=work, role="撮影", creator_page=withheld, name="田中 一郎", sort_order=1)
    WorkCreditFactory(work=work, role="編集", creator_page=unpublished, sort_order=2)
    WorkCreditFactory(work=work, role="音楽", name="外部 作曲家", sort_order=3)
    return {"work": work, "fake": fake, "pages": [consented, withheld, unpublished]}


def credit_lines(html):
    section = html.split('class="credits"')[1].split("</section>")[0]
    return re.findall(r"<dt>(.*?)</dt>\s*(?:<dd>(.*?)</dd>)?", section, re.S)


def test_names_only_where_consented(client, credited):
    html = client.get("/ja/works/credited/").text
    lines = credit_lines(html)
    assert lines[0][0] == "監督" and "森下 遥" in lines[0][1]
    assert lines[1] == ("撮影", ""), "no consent: role alone, the typed name is not shown"
    assert lines[2] == ("編集", ""), "an unpublished creator page gives no name"
    assert lines[3] == ("音楽", "外部 作曲家")
    assert "田中 一郎" not in html
    assert "非公開の名前" not in html


def test_consented_name_links_to_the_creator_page(client, credited):
    html = client.get("/ja/works/credited/").text
    assert '<a href="/ja/consented/">森下 遥</a>' in html
    assert "/ja/withheld/" not in html


def test_structured_data_names_only_consented_people(client, credited):
    html = client.get("/ja/works/credited/").text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    people = json.loads(block)["creator"]
    assert {p["name"] for p in people} == {"森下 遥", "外部 作曲家"}
    assert "田中 一郎" not in block and "非公開の名前" not in block


def test_linked_pages_are_prefetched_once_per_class(client, credited):
    client.get("/ja/works/credited/")
    consented, withheld, _unpublished = credited["pages"]
    assert credited["fake"].prefetched == [sorted([consented.pk, withheld.pk])]


def test_credits_block_places_the_credits_in_the_body(client, credited):
    from tests.works.factories import stream

    work = credited["work"]
    work.body = stream(("credits", {"heading": "スタッフ"}), ("text", "<p>本文の続き</p>"))
    work.save_revision().publish()
    html = client.get("/ja/works/credited/").text
    assert html.count('class="credits"') == 1
    assert html.index("スタッフ") < html.index("本文の続き")
