"""Every string our code marks for translation is in the Japanese catalogue, translated.

test_translations.py checks the catalogue against itself; this checks it against the code. A
`{% blocktranslate %}` sentence with no entry once showed the Japanese personal-information page
in English, and no test noticed. `makemessages` would find it, but it needs gettext (xgettext),
which a machine need not have: the strings are read here as makemessages reads them — templates
through Django's own `templatize` (what makemessages hands to xgettext), Python through `ast`.

A string counts as translated when our catalogue has it (same msgctxt and msgid, singular or
plural alike, a msgstr, not fuzzy) or when Django's or an installed app's Japanese catalogue
already does (a template of ours that overrides Wagtail's admin keeps Wagtail's words).
"""

import ast
import functools
import gettext
import os
import re
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation.template import templatize

from home.compile_messages import LOCALE_DIR

BASE_DIR = Path(settings.BASE_DIR)
# The project's own apps: those that live in this repository, not in site-packages.
OUR_APP_PATHS = [
    Path(config.path)
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(BASE_DIR) and ".venv" not in config.path
]
# What `make messages` leaves out (--ignore=...), and what holds no code of ours.
NOT_OURS = {".venv", "var", "staticfiles", "tests", "node_modules", "locale", "static", ".git"}
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}

# The gettext functions and the position of (context, singular, plural) among their arguments,
# as makemessages passes them to xgettext (--keyword=pgettext:1c,2 and so on).
FUNCTIONS = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}

# (msgctxt, msgid) that are marked for translation and deliberately have no Japanese entry, each
# with its reason. An empty dict is the goal.
UNTRANSLATED: dict[tuple[str | None, str], str] = {}


def template_files():
    folders = [BASE_DIR / "templates"] + [path / "templates" for path in OUR_APP_PATHS]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in TEMPLATE_SUFFIXES and path.is_file():
                yield path


def python_files():
    for root, folders, files in os.walk(BASE_DIR):
        folders[:] = sorted(f for f in folders if f not in NOT_OURS and not f.endswith(".egg-info"))
        for name in sorted(files):
            if name.endswith(".py"):
                yield Path(root) / name


# A call as `templatize` writes it: ` gettext(u'Text') `, ` pgettext(u'ctx', u'Text %(name)s') `,
# ` ngettext(u'One', u'%(n)s', count) `, or ` _("Text") ` for a template's _("...") constant.
CALL = re.compile(r"(?<![\w])(" + "|".join(FUNCTIONS) + r")\(")
LITERAL = re.compile(r"""\s*(u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))\s*,?""")


def calls_in_templatized(text):
    for call in CALL.finditer(text):
        arguments, at = [], call.end()
        while literal := LITERAL.match(text, at):
            arguments.append(ast.literal_eval(literal[1]))
            at = literal.end()
        yield call[1], arguments


def calls_in_python(source, path):
    """(name, arguments, line) of each gettext call; an argument that is no literal is None."""
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in FUNCTIONS:
            continue
        arguments = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        yield name, arguments, node.lineno


def message(name, arguments):
    """(msgctxt, msgid, msgid_plural) of one call, or None if its strings are not literals."""
    positions = FUNCTIONS[name]
    strings = [None if at is None or at >= len(arguments) else arguments[at] for at in positions]
    wanted = [text for at, text in zip(positions, strings, strict=True) if at is not None]
    return tuple(strings) if all(isinstance(text, str) for text in wanted) else None


@functools.cache
def marked_strings():
    """{(msgctxt, msgid, msgid_plural): [where, ...]} for every string our code marks."""
    found = {}
    for path in template_files():
        text = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for name, arguments in calls_in_templatized(text):
            key = message(name, arguments)
            assert key, f"{path}: {name}{tuple(arguments)}"
            found.setdefault(key, []).append(str(path.relative_to(BASE_DIR)))
    for path in python_files():
        for name, arguments, line in calls_in_python(path.read_text(encoding="utf-8"), path):
            key = message(name, arguments)
            if key:
                found.setdefault(key, []).append(f"{path.relative_to(BASE_DIR)}:{line}")
    return found


def our_translations():
    catalogue = polib.pofile(str(LOCALE_DIR / "ja" / "LC_MESSAGES" / "django.po"))
    translated = set()
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        text = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        if text:
            translated.add((entry.msgctxt, entry.msgid, bool(entry.msgid_plural)))
    return translated


def their_translations():
    """Keys of Django's and every other installed app's compiled Japanese catalogue."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if Path(config.path) not in OUR_APP_PATHS
    ]
    translated = set()
    for folder in folders:
        mo_path = folder / "ja" / "LC_MESSAGES" / "django.mo"
        if not mo_path.exists():
            continue
        with mo_path.open("rb") as mo_file:
            catalog = gettext.GNUTranslations(mo_file)._catalog
        for key, text in catalog.items():
            if not text:
                continue
            msgid, plural = (key[0], True) if isinstance(key, tuple) else (key, False)
            context, _, msgid = msgid.rpartition("\x04")
            translated.add((context or None, msgid, plural))
    return translated


def test_the_extraction_finds_our_strings():
    """The reader sees every kind of mark: a template's translate and blocktranslate (with its
    variables as %(name)s), a context, a plural, and Python's lazy and contextual calls."""
    found = marked_strings()
    assert len(found) > 500
    fee = "A disclosure request (Article 5) costs %(fee)s yen per case. Correction, deletion and suspension of use are free."
    assert (None, fee, None) in found
    assert ("pagination", "Pages", None) in found
    assert any(plural for _c, _s, plural in found)
    assert any(context for context, _s, _p in found)
    python = {key for key, where in found.items() if any(".py:" in w for w in where)}
    assert len(python) > 100


def test_every_string_we_mark_is_in_the_japanese_catalogue():
    translated = our_translations() | their_translations()
    missing = [
        f"{', '.join(where[:2])}: {'' if context is None else context + ' | '}{singular!r}"
        + (f" (plural {plural!r})" if plural else "")
        for (context, singular, plural), where in sorted(
            marked_strings().items(), key=lambda item: item[1][0]
        )
        if (context, singular, plural is not None) not in translated
        and (context, singular) not in UNTRANSLATED
    ]
    assert not missing, f"{len(missing)} without Japanese:\n" + "\n".join(missing)


def test_the_untranslated_list_is_still_needed():
    marked = {(context, singular) for context, singular, _plural in marked_strings()}
    assert [key for key in UNTRANSLATED if key not in marked] == []


def test_our_javascript_marks_nothing_for_translation():
    """Our scripts take their words from the page (djangojs.po holds Wagtail's admin strings
    alone); a script that starts calling gettext() needs its strings read here too."""
    scripts = sorted((BASE_DIR / "static").rglob("*.js"))
    assert scripts
    calling = [
        str(path.relative_to(BASE_DIR))
        for path in scripts
        if re.search(r"\b(n|p|np)?gettext\(", path.read_text(encoding="utf-8"))
    ]
    assert calling == []
