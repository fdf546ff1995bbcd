"""One work as a visitor receives it: stills, a video that waits for a click, structured data
and sharing meta."""

import json
import re

import pytest

from tests.works.factories import ImageFactory, WorkCategoryFactory, image_value, stream

pytestmark = pytest.mark.django_db

YOUTUBE_URL = "https://www.youtube.com/watch?v=M7lc1UVf-VE"


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def work(make_work, locale_ja):
    stills = [ImageFactory() for _ in range(3)]
    return make_work(
        title="渋谷、午前零時",
        slug="shibuya-midnight",
        summary="終電が去った交差点で、ふたりの影だけが時間をさかのぼる。",
        poster=ImageFactory(),
        poster_alt="夜の交差点に立つふたり",
        client="青葉食品",
        runtime_minutes=18,
        categories=[
            WorkCategoryFactory(slug="short-film", name="ショートフィルム", locale=locale_ja)
        ],
        body=stream(
            ("text", "<p>企画段階からAIで絵コンテを重ねました。</p>"),
            (
                "gallery",
                {
                    "heading": "場面写真",
                    "images": [image_value(s, f"場面{i}") for i, s in enumerate(stills)],
                },
            ),
            ("video", {"video": YOUTUBE_URL, "title": "本編", "poster": None}),
            ("quote", {"quote": "AIは道具、物語は人。", "attribution": "監督"}),
        ),
    )


def test_the_work_shows_its_facts_and_stills(client, work):
    html = client.get("/ja/works/shibuya-midnight/").text
    assert "<h1>渋谷、午前零時</h1>" in html
    assert "青葉食品" in html and "ショートフィルム" in html
    assert "企画段階からAIで絵コンテを重ねました。" in html
    assert "AIは道具、物語は人。" in html
    for i in range(3):
        assert f'alt="場面{i}"' in html
    gallery = html.split('class="gallery"')[1].split("</ul>")[0]
    assert gallery.count("<picture>") == 3
    assert gallery.count('loading="lazy"') == 3
    hero = html.split('class="work__poster"')[1].split("</div>")[0]
    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'alt="夜の交差点に立つふたり"' in hero


def test_video_is_a_click_to_play_facade_without_third_party_requests(client, work):
    html = client.get("/ja/works/shibuya-midnight/").text
    body = html.split("<body")[1]
    facade = re.search(r'<div class="video-facade"[^>]*>', html).group(0)
    assert 'data-video-src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1' in facade
    assert '<button type="button" class="video-facade__play">' in html
    assert "本編" in html
    # Nothing loads from the video site before the click: no iframe, no third-party src.
    assert "<iframe" not in body
    assert not re.search(r'\ssrc="https?://(?!testserver)', body)
    assert "i.ytimg.com" not in html and "youtube.com/embed" not in html
    # The facade's poster is local (the work's poster), and the script is ours, not inline.
    assert "<picture>" in html.split('class="video-facade"')[1].split("</button>")[0]
    scripts = re.findall(r"<script([^>]*)>", html)
    executable = [s for s in scripts if "application/ld+json" not in s]
    assert executable and all('src="/static/' in s for s in executable)


def test_facade_for_vimeo_uses_do_not_track(client, make_work):
    make_work(
        slug="vimeo",
        body=stream(
            ("video", {"video": "https://vimeo.com/76979871", "title": "", "poster": None})
        ),
    )
    html = client.get("/ja/works/vimeo/").text
    assert 'data-video-src="https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1"' in html
    assert "<iframe" not in html


def test_facade_script_only_loads_known_players():
    from pathlib import Path

    script = (Path(__file__).parents[2] / "static/js/video-facade.js").read_text()
    assert "youtube-nocookie" in script and "player\\.vimeo\\.com" in script
    assert 'addEventListener("click"' in script


def test_json_ld_is_valid_and_complete(client, work):
    data = json_ld(client.get("/ja/works/shibuya-midnight/").text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Movie"
    assert data["name"] == "渋谷、午前零時"
    assert data["url"] == "http://testserver/ja/works/shibuya-midnight/"
    assert data["datePublished"] == work.release_date.isoformat()
    assert data["duration"] == "PT18M"
    assert data["inLanguage"] == "ja"
    assert data["image"].startswith("http://testserver/")
    assert data["genre"] == ["ショートフィルム"]


def test_json_ld_cannot_be_broken_out_of(client, make_work):
    make_work(slug="evil", title="</script><script>alert(1)</script>", summary="<!-- & -->")
    html = client.get("/ja/works/evil/").text
    data = json_ld(html)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["description"] == "<!-- & -->"
    assert "<script>alert(1)" not in html


def test_sharing_meta_and_canonical(client, work):
    html = client.get("/ja/works/shibuya-midnight/?utm_source=x").text
    assert '<link rel="canonical" href="http://testserver/ja/works/shibuya-midnight/">' in html
    assert '<meta property="og:title" content="渋谷、午前零時">' in html
    assert '<meta property="og:url" content="http://testserver/ja/works/shibuya-midnight/">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "終電が去った交差点で" in html.split("</head>")[0]


def test_related_works_share_a_category_and_language(
    client, work, make_work, works_index_en, locale_ja, locale_en
):
    short = work.categories.first()
    mv = WorkCategoryFactory(slug="music-video", locale=locale_ja)
    make_work(title="同じ分類の作品", categories=[short])
    make_work(title="違う分類の作品", categories=[mv])
    make_work(
        parent=works_index_en,
        title="English short",
        categories=[WorkCategoryFactory(slug="short-film", locale=locale_en)],
    )
    html = client.get("/ja/works/shibuya-midnight/").text
    related = html.split('id="related-heading"')[1]
    assert "同じ分類の作品" in related
    assert "違う分類の作品" not in related
    assert "English short" not in related
    assert "渋谷、午前零時" not in related, "not itself"
