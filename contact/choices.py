from django.utils.translation import pgettext_lazy

PROJECT_KINDS = [
    ("commercial", pgettext_lazy("project kind", "Commercial or brand film")),
    ("music_video", pgettext_lazy("project kind", "Music video")),
    ("short_film", pgettext_lazy("project kind", "Short film or series")),
    ("ai_generation", pgettext_lazy("project kind", "AI imagery for an existing production")),
    ("other", pgettext_lazy("project kind", "Something else")),
]

BUDGETS = [
    ("undecided", pgettext_lazy("budget", "Not decided yet")),
    ("under_1m", pgettext_lazy("budget", "Under 1 million yen")),
    ("1m_3m", pgettext_lazy("budget", "1 to 3 million yen")),
    ("3m_10m", pgettext_lazy("budget", "3 to 10 million yen")),
    ("over_10m", pgettext_lazy("budget", "Over 10 million yen")),
]
