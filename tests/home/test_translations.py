import gettext

import polib
import pytest

from home.compile_messages import catalogues


@pytest.mark.parametrize("po_path", catalogues(), ids=lambda p: f"{p.parts[-3]}-{p.stem}")
def test_compiled_catalogue_matches_its_source(po_path):
    """A fresh clone has no gettext: the committed .mo must say exactly what the .po says."""
    with po_path.with_suffix(".mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    source = polib.pofile(str(po_path))
    translated = source.translated_entries()
    assert translated, "the catalogue translates nothing"
    for entry in translated:
        if entry.msgid_plural and entry.msgctxt:
            found = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
            assert found == entry.msgstr_plural[0], entry.msgid
        elif entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    "po_path", [p for p in catalogues() if p.parts[-3] == "ja"], ids=lambda p: p.stem
)
def test_every_japanese_string_is_translated(po_path):
    source = polib.pofile(str(po_path))
    assert [e.msgid for e in source.untranslated_entries()] == []
    assert [e.msgid for e in source.fuzzy_entries()] == []
