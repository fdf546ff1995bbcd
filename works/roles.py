"""The roles a credit can name: one fixed vocabulary, stored as codes and shown in the page's
language. A typed role stayed in the language it was typed in (the English work showed 「監督」);
a code is translated by the catalogue like every other word of the site (context "credit role",
so it never changes one of Wagtail's own translations)."""

from django.utils.translation import pgettext_lazy

CREDIT_ROLES = [
    ("director", pgettext_lazy("credit role", "Director")),
    ("producer", pgettext_lazy("credit role", "Producer")),
    ("screenplay", pgettext_lazy("credit role", "Screenplay")),
    ("cinematography", pgettext_lazy("credit role", "Cinematography")),
    ("editing", pgettext_lazy("credit role", "Editing")),
    ("ai_imagery", pgettext_lazy("credit role", "AI imagery")),
    ("vfx", pgettext_lazy("credit role", "VFX")),
    ("animation", pgettext_lazy("credit role", "Animation")),
    ("art_direction", pgettext_lazy("credit role", "Art direction")),
    ("music", pgettext_lazy("credit role", "Music")),
    ("sound", pgettext_lazy("credit role", "Sound")),
    ("cast", pgettext_lazy("credit role", "Cast")),
    ("production", pgettext_lazy("credit role", "Production company")),
    ("label", pgettext_lazy("credit role", "Label")),
    ("client", pgettext_lazy("credit role", "Client")),
    ("staff", pgettext_lazy("credit role", "Staff")),
]

# Roles as they were typed before the vocabulary, in either language (the data migration).
TYPED_ROLES = {
    "director": ["監督", "ディレクター", "director", "directed by"],
    "producer": ["プロデューサー", "プロデュース", "producer"],
    "screenplay": ["脚本", "シナリオ", "企画・脚本", "screenplay", "writer", "script"],
    "cinematography": ["撮影", "撮影監督", "cinematography", "camera", "director of photography"],
    "editing": ["編集", "editing", "editor"],
    "ai_imagery": ["ai映像", "ai映像生成", "ai美術", "ai imagery", "ai video", "ai art"],
    "vfx": ["vfx", "視覚効果", "コンポジット"],
    "animation": ["アニメーション", "animation"],
    "art_direction": ["美術", "アートディレクション", "art direction", "art director"],
    "music": ["音楽", "作曲", "music", "composer"],
    "sound": ["音響", "サウンド", "録音", "sound", "sound design"],
    "cast": ["出演", "キャスト", "cast"],
    "production": ["制作", "制作会社", "production", "production company"],
    "label": ["レーベル", "label"],
    "client": ["クライアント", "広告主", "client"],
}


def role_code(typed):
    """The code of a role typed in either language; "staff" when it is none of the known ones."""
    key = " ".join(typed.casefold().split())
    for code, spellings in TYPED_ROLES.items():
        if key in spellings:
            return code
    return "staff"
