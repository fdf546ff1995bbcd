"""Cells that a spreadsheet program must not run: one rule for every CSV/XLSX the site writes
(the officer's admin export, the disclosure archive).

A value starting with a formula character (`=`, `+`, `-`, `@`, tab, carriage return, or the
full-width `＝＋－＠` that Japanese input methods type and spreadsheet programs also accept) is
prefixed with an apostrophe, so that it is shown as text.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
