"""The demo catalogue: names in Japanese and English, facts shared by both languages."""

import datetime

CATEGORIES = [
    ("commercial", "CM・広告", "Commercial"),
    ("music-video", "ミュージックビデオ", "Music video"),
    ("short-film", "ショートフィルム", "Short film"),
    ("series", "シリーズ", "Series"),
]

AI_TOOLS = [
    "Runway",
    "Sora",
    "Midjourney",
    "Stable Diffusion",
    "ElevenLabs",
    "Kling",
    "Veo",
    "ComfyUI",
]

# YouTube's and Vimeo's own sample videos: the demo never contacts them (the embeds are cached
# locally and the facade loads a player only when a visitor presses play).
DEMO_VIDEOS = {
    "https://www.youtube.com/watch?v=M7lc1UVf-VE": ("YouTube", "ALLIN STUDIO reel"),
    "https://vimeo.com/76979871": ("Vimeo", "ALLIN STUDIO making-of"),
}

# Each work's credits: (role code, a demo creator's page slug) for a person, who is credited
# only through a creator who consented to publishing their name (demo/creators.py), or
# (role code, (Japanese name, English name)) for an organisation.
STUDIO = ("ALLIN STUDIO", "ALLIN STUDIO")
CREDITS = {
    "shibuya-midnight": [
        ("director", "creator-1063"),
        ("ai_imagery", "creator-1075"),
        ("music", "creator-1068"),
        ("production", STUDIO),
    ],
    "blue-at-summers-end": [
        ("director", "creator-1024"),
        ("ai_imagery", "creator-1075"),
        ("label", ("ミナト・レコーズ", "Minato Records")),
    ],
    "breakfast-into-tomorrow": [
        ("director", "creator-1063"),
        ("cinematography", "creator-1052"),
        ("editing", "creator-1081"),
        ("client", ("青葉食品株式会社", "Aoba Foods Co., Ltd.")),
    ],
    "memories-of-a-city-of-light": [
        ("director", "creator-1024"),
        ("editing", "creator-1081"),
        ("music", "creator-1068"),
    ],
    "paper-plane-promise": [
        ("director", "creator-1052"),
        ("animation", "creator-1081"),
        ("production", STUDIO),
    ],
    "neon-lullaby": [
        ("ai_imagery", "creator-1024"),
        ("editing", "creator-1081"),
        ("label", ("ミナト・レコーズ", "Minato Records")),
    ],
    "the-first-step": [
        ("director", "creator-1063"),
        ("cinematography", "creator-1052"),
        ("music", "creator-1068"),
        ("client", ("東都リンク株式会社", "Toto Link Inc.")),
    ],
    "rain-sound-atelier": [
        ("director", "creator-1075"),
        ("sound", "creator-1068"),
    ],
    "the-star-weaver": [
        ("director", "creator-1024"),
        ("screenplay", "creator-1063"),
        ("ai_imagery", "creator-1075"),
        ("production", STUDIO),
    ],
}

WORKS = [
    {
        "slug": "shibuya-midnight",
        "ja": ("渋谷、午前零時", "終電が去った交差点で、ふたりの影だけが時間をさかのぼる。"),
        "en": ("Shibuya, Midnight", "After the last train, two shadows run backwards in time."),
        "category": "short-film",
        "date": datetime.date(2025, 10, 3),
        "runtime": 18,
        "client": ("", ""),
        "tools": ["Runway", "ComfyUI", "ElevenLabs"],
    },
    {
        "slug": "blue-at-summers-end",
        "ja": ("夏の終わりの青", "消えてゆく夏を、AIが描く水彩の海で追いかけるMV。"),
        "en": (
            "The Blue at Summer's End",
            "A music video chasing summer through a watercolour sea.",
        ),
        "category": "music-video",
        "date": datetime.date(2025, 8, 22),
        "runtime": 4,
        "client": ("ミナト・レコーズ", "Minato Records"),
        "tools": ["Midjourney", "Kling"],
    },
    {
        "slug": "breakfast-into-tomorrow",
        "ja": ("未来を走る朝ごはん", "食卓から街へ、朝ごはんが駆け出す60秒。"),
        "en": (
            "Breakfast Running Into Tomorrow",
            "Sixty seconds of breakfast running into town.",
        ),
        "category": "commercial",
        "date": datetime.date(2025, 4, 15),
        "runtime": 1,
        "client": ("青葉食品", "Aoba Foods"),
        "tools": ["Sora", "Veo"],
    },
    {
        "slug": "memories-of-a-city-of-light",
        "ja": ("光の街の記憶", "失われた商店街を、住民の記憶からよみがえらせる全3話（各8分）。"),
        "en": (
            "Memories of a City of Light",
            "Three 8-minute episodes rebuilding a lost arcade from memories.",
        ),
        "category": "series",
        "date": datetime.date(2024, 12, 1),
        "runtime": 24,
        "client": ("", ""),
        "tools": ["ComfyUI", "Stable Diffusion", "ElevenLabs"],
    },
    {
        "slug": "paper-plane-promise",
        "ja": ("紙飛行機の約束", "転校する友だちへ、紙飛行機に託した最後の約束。"),
        "en": ("The Paper Plane Promise", "A last promise, folded into a paper plane."),
        "category": "short-film",
        "date": datetime.date(2024, 6, 10),
        "runtime": 12,
        "client": ("", ""),
        "tools": ["Runway", "Midjourney"],
    },
    {
        "slug": "neon-lullaby",
        "ja": ("ネオン・ララバイ", "眠らない街が見る夢を、ネオンの色で描いたMV。"),
        "en": ("Neon Lullaby", "The dreams of a sleepless city, painted in neon."),
        "category": "music-video",
        "date": datetime.date(2024, 3, 8),
        "runtime": 5,
        "client": ("ミナト・レコーズ", "Minato Records"),
        "tools": ["Kling", "Stable Diffusion"],
    },
    {
        "slug": "the-first-step",
        "ja": ("はじまりの一歩", "新生活を迎えるすべての人へ贈る、通信ブランドのCM。"),
        "en": ("The First Step", "A telecom commercial for everyone starting a new life."),
        "category": "commercial",
        "date": datetime.date(2023, 11, 20),
        "runtime": 1,
        "client": ("東都リンク", "Toto Link"),
        "tools": ["Veo", "ElevenLabs"],
    },
    {
        "slug": "rain-sound-atelier",
        "ja": ("雨音のアトリエ", "雨の日だけ開く画家のアトリエで、絵が動きはじめる。"),
        "en": (
            "The Rain-Sound Atelier",
            "In a studio that opens only when it rains, paintings move.",
        ),
        "category": "short-film",
        "date": datetime.date(2023, 5, 30),
        "runtime": 15,
        "client": ("", ""),
        "tools": ["ComfyUI", "Runway"],
    },
    {
        "slug": "the-star-weaver",
        "ja": ("星を編む人", "夜空を編みなおす職人の一族をめぐる全2話の連作（各11分）。"),
        "en": (
            "The Star Weaver",
            "Two 11-minute episodes about a family of craftspeople who reweave the sky.",
        ),
        "category": "series",
        "date": datetime.date(2023, 1, 15),
        "runtime": 22,
        "client": ("", ""),
        "tools": ["Sora", "Midjourney"],
    },
]
