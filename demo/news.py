"""Demo news: an index per language and a few articles, the newest first."""

import datetime
import json

from news.models import NewsArticlePage, NewsIndexPage

from .helpers import child_page, translation

ARTICLES = [
    (
        "new-studio-2026",
        datetime.date(2026, 10, 1),
        ("渋谷に新スタジオを開設しました", "New studio space in Shibuya"),
        (
            "撮影とAI映像生成を一つの場所で行える、グリーンバック付きのスタジオです。",
            "A green-screen stage where shooting and AI generation happen in one place.",
        ),
    ),
    (
        "creator-entry-open",
        datetime.date(2026, 11, 10),
        ("2027年度のクリエイター募集を始めました", "Creator entries for 2027 are open"),
        (
            "監督、編集、AIアーティストなど、一緒に作品をつくる仲間を募集しています。",
            "Directors, editors and AI artists: we are looking for people to make films with.",
        ),
    ),
    (
        "award-shortfilm",
        datetime.date(2026, 11, 28),
        ("短編「渋谷、午前四時」が映画祭に入選", "“Shibuya, 4 a.m.” selected for a festival"),
        (
            "AIと実写を組み合わせた短編映画が、国内の短編映画祭のコンペティション部門に入選しました。",
            "Our short film mixing live action and AI was selected for a Japanese short film "
            "festival's competition.",
        ),
    ),
]


def body(text):
    return json.dumps([{"type": "text", "value": f"<p>{text}</p>"}])


def load(homes, stdout):
    index = child_page(homes["ja"], NewsIndexPage, "news", title="ニュース", show_in_menus=True)
    translation(index, "en", title="News")
    for slug, date, (title_ja, title_en), (summary_ja, summary_en) in ARTICLES:
        article = child_page(
            index,
            NewsArticlePage,
            slug,
            title=title_ja,
            date=date,
            summary=summary_ja,
            body=body(summary_ja),
        )
        translation(article, "en", title=title_en, summary=summary_en, body=body(summary_en))
    stdout.write(f"News ready: {len(ARTICLES)} articles (ja, en).")
