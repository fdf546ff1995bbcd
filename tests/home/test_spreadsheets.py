"""One rule for formula cells in every spreadsheet the site writes: the rule itself, and that the
admin export uses it. (A disclosure answer is an HTML letter and JSON, no spreadsheet.)"""

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


def test_the_admin_export_uses_the_rule():
    import creators.viewsets

    assert creators.viewsets.neutralise_formula is neutralise_formula
