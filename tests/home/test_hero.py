"""The home hero image is responsive: phones are not sent the 1600 px picture."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.works.factories import ImageFactory


def widths(srcset):
    return [int(w) for w in re.findall(r" (\d+)w", srcset)]


@pytest.fixture
def hero_page(site):
    home = site["ja"]
    home.hero_image = ImageFactory(file__width=2560, file__height=1440)
    home.save_revision().publish()
    return home


def test_hero_has_srcset_sizes_and_a_portrait_crop(client, hero_page):
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    picture = soup.select_one(".hero picture")
    image = picture.select_one("img.hero__image")
    assert image["sizes"] == "100vw"
    assert widths(image["srcset"]) == [640, 960, 1280, 1600]
    assert image["src"].endswith(".webp") and int(image["width"]) <= 960
    assert image["alt"] == "" and image["fetchpriority"] == "high"
    source = picture.select_one("source")
    assert source["media"] == "(max-aspect-ratio: 1/1)"
    assert widths(source["srcset"]) == [480, 720, 960]
    assert "fill-480x640" in source["srcset"]  # 3:4, not a squeezed 16:9


def test_a_small_original_gives_no_duplicate_widths(client, site):
    home = site["ja"]
    home.hero_image = ImageFactory(file__width=800, file__height=450)
    home.save_revision().publish()
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    for srcset in (
        soup.select_one(".hero img")["srcset"],
        soup.select_one(".hero source")["srcset"],
    ):
        found = widths(srcset)
        assert found == sorted(set(found)), srcset
        assert max(found) <= 800


def test_no_hero_image_no_picture(client, site):
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    assert soup.select_one(".hero") is not None
    assert soup.select_one(".hero picture") is None
