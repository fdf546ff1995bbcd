"""Demo WORKS in Japanese and English (hook order 20), and a large catalogue for benchmarks."""

import uuid

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from creators.models import CreatorPage
from works.models import AITool, WorkCategory, WorkCredit, WorkPage, WorksIndexPage

from .catalogue import build_catalogue
from .helpers import child_page, demo_image, locale, translation
from .works_data import AI_TOOLS, CATEGORIES, CREDITS, DEMO_VIDEOS, WORKS

INDEX_FIELDS = {
    "ja": {
        "title": "作品",
        "intro": "CM、ミュージックビデオ、ショートフィルム。ALLIN STUDIOの制作実績です。",
    },
    "en": {
        "title": "Works",
        "intro": "Commercials, music videos and short films: what ALLIN STUDIO has made.",
    },
}
BODY_TEXT = {
    "ja": "<p>企画段階からAIで絵コンテと映像の試作を重ね、実写と生成映像を一本の物語に編み上げました。</p>",
    "en": "<p>We sketched and tested every shot with AI from the first draft, then wove live "
    "action and generated footage into one story.</p>",
}
QUOTE = {"ja": "AIは道具、物語は人。", "en": "AI is the tool; the story is human."}


def load_taxonomies():
    """Categories and AI tools in both languages (same translation key), created once."""
    categories, tools = {"ja": {}, "en": {}}, {"ja": {}, "en": {}}
    for slug, name_ja, name_en in CATEGORIES:
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"allin-category-{slug}")
        for code, name in (("ja", name_ja), ("en", name_en)):
            categories[code][slug] = WorkCategory.objects.get_or_create(
                translation_key=key, locale=locale(code), defaults={"name": name, "slug": slug}
            )[0]
    for name in AI_TOOLS:
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"allin-ai-tool-{name}")
        for code in ("ja", "en"):
            tools[code][name] = AITool.objects.get_or_create(
                translation_key=key, locale=locale(code), defaults={"name": name}
            )[0]
    return categories, tools


def cache_demo_embeds():
    """Store the demo videos in Wagtail's embed cache so nothing asks YouTube or Vimeo."""
    for url, (provider, title) in DEMO_VIDEOS.items():
        Embed.objects.get_or_create(
            hash=get_embed_hash(url),
            defaults={
                "url": url,
                "type": "video",
                "html": "",
                "title": title,
                "provider_name": provider,
                "width": 1280,
                "height": 720,
            },
        )


def work_body(code, data, stills, video_url):
    title = data[code][0]
    alt = "場面写真" if code == "ja" else "Still"
    return [
        {"type": "text", "value": BODY_TEXT[code]},
        {
            "type": "gallery",
            "value": {
                "heading": "場面写真" if code == "ja" else "Stills",
                "images": [
                    {"image": still.pk, "decorative": False, "alt_text": f"{title}: {alt} {i}"}
                    for i, still in enumerate(stills, start=1)
                ],
            },
        },
        {"type": "video", "value": {"video": video_url, "title": title, "poster": None}},
        {"type": "quote", "value": {"quote": QUOTE[code], "attribution": "ALLIN STUDIO"}},
    ]


def load_work(index, code, data, number, taxonomies, source=None):
    categories, tools = taxonomies
    title, summary = data[code]
    poster = demo_image(f"Work poster: {data['slug']}", data["slug"])
    stills = [
        demo_image(f"Work still: {data['slug']} {i}", f"{data['slug']}-{i}") for i in (1, 2, 3)
    ]
    video_url = list(DEMO_VIDEOS)[number % len(DEMO_VIDEOS)]
    fields = {
        "title": title,
        "summary": summary,
        "poster": poster,
        "poster_alt": f"{title}のポスター" if code == "ja" else f"Poster of {title}",
        "release_date": data["date"],
        "runtime_minutes": data["runtime"],
        "client": data["client"][0 if code == "ja" else 1],
        "body": work_body(code, data, stills, video_url),
        "categories": [categories[code][data["category"]]],
        "ai_tools": [tools[code][name] for name in data["tools"]],
    }
    if source is None:
        return child_page(index, WorkPage, data["slug"], **fields)
    return translation(source, code, slug=data["slug"], **fields)


def load(homes, stdout, works=0):
    cache_demo_embeds()
    taxonomies = load_taxonomies()
    index_ja = child_page(
        homes["ja"], WorksIndexPage, "works", show_in_menus=True, **INDEX_FIELDS["ja"]
    )
    index_en = translation(index_ja, "en", slug="works", **INDEX_FIELDS["en"])
    for number, data in enumerate(WORKS):
        work = load_work(index_ja, "ja", data, number, taxonomies)
        load_work(index_en, "en", data, number, taxonomies, source=work)
    feature_on_home(homes, [data["slug"] for data in WORKS[:3]])
    stdout.write(f"Works ready: {len(WORKS)} in each language.")
    if works:
        created = build_catalogue({"ja": index_ja, "en": index_en}, works, taxonomies)
        stdout.write(f"Large catalogue: {created} extra works in each language.")


def demo_credits(work, code, creator_pages):
    credits = []
    for role, who in CREDITS[work.slug]:
        if isinstance(who, str):
            # The Japanese profile on both languages' works, as a translation copies it: the
            # English work links to the English profile when it shows the credit.
            credits.append(WorkCredit(role=role, creator_page=creator_pages[who]))
        else:
            credits.append(WorkCredit(role=role, organisation=who[0 if code == "ja" else 1]))
    return credits


def load_credits(stdout):
    """Credit each demo work's people through their creator profiles, once."""
    creator_pages = {
        page.slug: page for page in CreatorPage.objects.filter(locale__language_code="ja")
    }
    for work in WorkPage.objects.filter(slug__in=CREDITS).select_related("locale"):
        if work.credits.exists():
            continue
        work.credits = demo_credits(work, work.locale.language_code, creator_pages)
        work.save_revision().publish()
    stdout.write("Work credits ready: people credited through consenting creators.")


def feature_on_home(homes, slugs):
    for stale in homes.values():
        # Fresh from the database: the caller's copy predates the works index under it, and
        # publishing a stale copy would reset the tree's child count.
        home = type(stale).objects.get(pk=stale.pk)
        if home.featured_works.exists():
            continue
        works = WorkPage.objects.filter(locale=home.locale, slug__in=slugs)
        home.featured_works = [
            home.featured_works.model(page=work, sort_order=i) for i, work in enumerate(works)
        ]
        home.save_revision().publish()
