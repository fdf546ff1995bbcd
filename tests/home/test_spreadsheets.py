"""One rule for formula cells in every spreadsheet the site writes (admin export, disclosure
archive): here the rule itself, and both writers use it."""

import pytest

from home.spreadsheets import neutralise_formula


@pytest.mark.parametrize(
    "value", ["=1+1", "+81", "-2", "@SUM(A1)", "\tx", "\rx", "＝HYPERLINK(1)", "＋1", "－1", "＠A"]
)
def test_a_formula_start_is_shown_as_text(value):
    assert neutralise_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["山田 花子", "a=b", "", None, 3])
def test_other_values_are_kept(value):
    assert neutralise_formula(value) == value


def test_the_disclosure_archive_and_the_admin_export_share_the_rule():
    import creators.viewsets
    import privacy_requests.archive

    assert creators.viewsets.neutralise_formula is neutralise_formula
    assert privacy_requests.archive.neutralise_formula is neutralise_formula


def test_an_archive_csv_neutralises_full_width_formulas():
    from privacy_requests.archive import _csv

    text = _csv([{"name": '＝HYPERLINK("x")', "note": "=1+1", "ok": "普通"}])
    assert "'＝HYPERLINK" in text and "'=1+1" in text and ",普通" in text
