"""The demo reads true: every absolute link points at the address `make run` serves, the
loader says that address, runtimes match the texts, a series is typed as a series, creator
pages look like real records, and the pictures look like film stills."""

import io
import json
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from PIL import Image, ImageStat

from creators.models import CreatorPage
from works.models import WorkPage

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PORT = 8123
FIXTURE_SLUGS = {"creator-all", "creator-none", "creator-expertise", "creator-stage-name"}
ROOT = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def loaded(module_db):
    output = StringIO()
    call_command("load_demo", port=PORT, stdout=output)
    return output.getvalue()


def test_every_absolute_link_is_the_served_address(client, loaded):
    assert f"{ROOT}/ja/" in loaded and f"{ROOT}/admin/" in loaded
    assert "/home-" not in loaded and ":8000" not in loaded
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{ROOT}/ja/"
    assert soup.select_one('meta[property="og:url"]')["content"] == f"{ROOT}/ja/"
    for link in soup.select('link[rel="alternate"][hreflang]'):
        assert link["href"].startswith(f"{ROOT}/"), link
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(url.startswith(f"{ROOT}/") for url in locations)
    work = client.get("/en/works/shibuya-midnight/").content.decode()
    for script in BeautifulSoup(work, "html.parser").select('script[type="application/ld+json"]'):
        assert "localhost" not in script.string and ":8000" not in script.string


def minutes_in(text):
    """The running time a summary states, in minutes (None when it states none)."""
    if match := re.search(r"(\d+)秒", text):
        return int(match[1]) / 60
    if match := re.search(r"全(\d+)話.*?（各(\d+)分）", text):
        return int(match[1]) * int(match[2])
    return None


def test_runtimes_match_the_texts_and_a_series_is_a_series(client, loaded):
    stated = 0
    for work in WorkPage.objects.filter(locale__language_code="ja"):
        if (minutes := minutes_in(work.summary)) is not None:
            stated += 1
            assert work.runtime_minutes == max(1, round(minutes)), work.title
    assert stated >= 3
    html = client.get("/en/works/the-star-weaver/").content.decode()
    script = BeautifulSoup(html, "html.parser").select_one('script[type="application/ld+json"]')
    assert json.loads(script.string)["@type"] == "CreativeWorkSeries"


def test_creator_pages_look_like_records_not_fixtures(loaded):
    for page in CreatorPage.objects.all():
        assert page.slug not in FIXTURE_SLUGS, page.slug
        assert not re.search(r"\b(all|none)\b", page.title), page.title


def test_pictures_are_letterboxed_grained_stills(loaded):
    work = WorkPage.objects.filter(locale__language_code="ja").first()
    with work.poster.open_file() as file:
        picture = Image.open(io.BytesIO(file.read())).convert("L")
    width, height = picture.size
    bar = picture.crop((0, 0, width, int(height * 0.08)))
    frame = picture.crop((0, int(height * 0.2), width, int(height * 0.8)))
    assert ImageStat.Stat(bar).mean[0] < 8  # the letterbox is black
    assert ImageStat.Stat(frame).stddev[0] > 8  # a scene, not a flat fill
    # Grain: neighbouring pixels differ everywhere, even in the sky.
    sky = frame.crop((0, 0, width, 40))
    assert ImageStat.Stat(sky).stddev[0] > 2
