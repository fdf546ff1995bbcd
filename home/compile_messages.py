"""Compile locale/*/LC_MESSAGES/*.po (django, djangojs) into .mo with polib, so no gettext is needed.

    python -m home.compile_messages                  # compile every catalogue
    python -m home.compile_messages --fill ja X.json # first set Japanese msgstrs from {msgid: msgstr}

The .mo files are committed so that a fresh clone serves translated text; a test checks that each
.mo matches its .po. `make messages` extracts new strings (needs gettext) and then compiles.
"""

import argparse
import json
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogues():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def fill(language, translations):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path), wrapwidth=100)
    for entry in catalogue:
        if entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value if isinstance(value, str) else value[0]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    catalogue.save()


def compile_all():
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(LOCALE_DIR.parent)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fill", nargs=2, metavar=("LANGUAGE", "JSON_FILE"))
    args = parser.parse_args()
    if args.fill:
        language, path = args.fill
        fill(language, json.loads(Path(path).read_text(encoding="utf-8")))
    compile_all()


if __name__ == "__main__":
    main()
