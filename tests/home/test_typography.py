"""Japanese line breaks by phrase: the `phrases` filter puts <wbr> only between BudouX's
phrases, so a browser never breaks inside one (「を。」 stays with the word before it)."""

import pytest
from bs4 import BeautifulSoup

from home.templatetags.typography import phrase_breaks


def segments(html):
    return str(html).removeprefix('<span class="phrases">').removesuffix("</span>").split("<wbr>")


def test_a_headline_breaks_only_between_phrases():
    assert segments(phrase_breaks("AIと、映画の手ざわりを。")) == [
        "AIと、",
        "映画の",
        "手ざわりを。",
    ]


def test_particles_and_punctuation_stay_with_their_word():
    for text in ("映像制作のご相談をお待ちしています。", "変更なし（変更なし）"):
        for part in segments(phrase_breaks(text)):
            assert part[0] not in "をはがにの。、）", (text, part)


def test_text_is_escaped_and_english_is_left_alone():
    assert "<script>" not in str(phrase_breaks("映画の<script>alert(1)</script>です"))
    assert str(phrase_breaks("AI, with the touch of cinema.")) == "AI, with the touch of cinema."
    assert str(phrase_breaks("Tom & Jerry")) == "Tom &amp; Jerry"
    assert str(phrase_breaks(None)) == ""


@pytest.mark.django_db
def test_the_home_headline_is_broken_by_phrase(client, site):
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    title = soup.select_one("h1 .phrases")
    assert title.decode_contents() == "AIと、<wbr/>映画の<wbr/>手ざわりを。"
    english = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert not english.select("h1 .phrases")
