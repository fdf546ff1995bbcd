"""Demo creators with every kind of consent, their entries, and the creators and entry pages.

Idempotent: entries are found again by their demo email address, pages by their creator.
"""

from creators.choices import POLICY, PUBLISH_ACHIEVEMENTS, PUBLISH_EXPERTISE, PUBLISH_NAME
from creators.consent import consent_wording
from creators.entries import convert_entry, create_entry
from creators.models import CreatorPage, CreatorsIndexPage, Entry, EntryFormPage
from policy.versions import version_in_force

from .helpers import child_page, translation

DEMO_CREATORS = [
    {
        "slug": "creator-1024",
        "publish": [PUBLISH_NAME, PUBLISH_EXPERTISE, PUBLISH_ACHIEVEMENTS],
        "fields": {
            "name": "高橋 明日香",
            "email": "asuka.demo@example.com",
            "expertise": ["direction", "ai_generation"],
            "achievements": "ミュージックビデオ「夜明けの信号」監督(2025)\n短編映画「渋谷、午前四時」AI美術",
        },
    },
    {
        "slug": "creator-1031",
        "publish": [],
        "fields": {
            "name": "佐藤 健司",
            "email": "kenji.demo@example.com",
            "expertise": ["editing", "sound"],
            "achievements": "CM編集 多数",
        },
    },
    {
        "slug": "creator-1047",
        "publish": [PUBLISH_EXPERTISE],
        "fields": {
            "name": "鈴木 一郎",
            "email": "ichiro.demo@example.com",
            "expertise": ["vfx", "animation"],
            "achievements": "劇場アニメのコンポジット",
        },
    },
    {
        "slug": "creator-1052",
        "publish": [PUBLISH_NAME],
        "fields": {
            "name": "田中 美咲",
            "stage_name": "MISAKI T.",
            "email": "misaki.demo@example.com",
            "expertise": ["cinematography"],
            "achievements": "ドキュメンタリー撮影",
        },
    },
    # The people the demo works credit: each consented to publishing their name.
    {
        "slug": "creator-1063",
        "publish": [PUBLISH_NAME, PUBLISH_EXPERTISE],
        "fields": {
            "name": "森下 遥",
            "email": "haruka.demo@example.com",
            "expertise": ["direction", "writing"],
            "achievements": "短編映画 3本 監督",
        },
    },
    {
        "slug": "creator-1068",
        "publish": [PUBLISH_NAME],
        "fields": {
            "name": "新井 健二",
            "stage_name": "Kenji Arai",
            "email": "kenji.arai.demo@example.com",
            "expertise": ["sound"],
            "achievements": "CM音楽、劇伴",
        },
    },
    {
        "slug": "creator-1075",
        "publish": [PUBLISH_NAME, PUBLISH_EXPERTISE, PUBLISH_ACHIEVEMENTS],
        "fields": {
            "name": "小林 真央",
            "email": "mao.demo@example.com",
            "expertise": ["ai_generation", "vfx"],
            "achievements": "ミュージックビデオのAI映像生成(2024-2025)",
        },
    },
    {
        "slug": "creator-1081",
        "publish": [PUBLISH_NAME, PUBLISH_EXPERTISE],
        "fields": {
            "name": "中村 蓮",
            "email": "ren.demo@example.com",
            "expertise": ["editing", "animation"],
            "achievements": "CM編集、モーショングラフィックス",
        },
    },
]


def demo_entry(spec):
    existing = Entry.objects.filter(email=spec["fields"]["email"]).first()
    if existing:
        return existing
    version = version_in_force("ja")
    consents = [(POLICY, True, consent_wording(POLICY, "ja", version))] + [
        (what, what in spec["publish"], consent_wording(what, "ja", version))
        for what in (PUBLISH_NAME, PUBLISH_EXPERTISE, PUBLISH_ACHIEVEMENTS)
    ]
    fields = {
        "phone": "090-0000-0000",
        "portfolio_url": "https://example.com/portfolio",
        "ai_tools": [],
        "message": "よろしくお願いします。",
        **spec["fields"],
    }
    return create_entry(fields, consents, "ja", version)


def load(homes, stdout):
    # Other loaders added children through other instances: tree counters must be fresh.
    homes = {code: type(home).objects.get(pk=home.pk) for code, home in homes.items()}
    entry_ja = child_page(
        homes["ja"],
        EntryFormPage,
        "entry",
        title="クリエイターエントリー",
        intro="<p>ALLIN STUDIOと一緒に作品をつくりませんか。</p>",
    )
    translation(entry_ja, "en", title="Creator entry", intro="<p>Make films with ALLIN STUDIO.</p>")
    index_ja = child_page(
        homes["ja"], CreatorsIndexPage, "creators", title="クリエイター", show_in_menus=True
    )
    translation(index_ja, "en", title="Creators")
    for spec in DEMO_CREATORS:
        creator = convert_entry(demo_entry(spec))
        # Registered by number: a page's title and slug never carry the creator's name (the
        # page shows what the creator allows by itself).
        page = CreatorPage.objects.filter(creator=creator, locale=index_ja.locale).first()
        if page is None:
            page = child_page(
                index_ja,
                CreatorPage,
                spec["slug"],
                title=f"クリエイター登録 {spec['slug'].removeprefix('creator-')}",
                creator=creator,
            )
        translation(page, "en", title=f"Creator record {spec['slug'].removeprefix('creator-')}")
    for home in homes.values():
        target = entry_ja.get_translation_or_none(home.locale) or entry_ja
        if home.entry_cta_page_id != target.pk:
            home.entry_cta_page = target
            home.save_revision().publish()
    stdout.write(f"Creators ready: {len(DEMO_CREATORS)} demo creators (ja, en).")
