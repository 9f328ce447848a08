"""Cells written to CSV or XLSX never run as formulas on the reader's machine.

A spreadsheet evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, one that starts with a tab or a carriage return), so a company name registered as
``=HYPERLINK(...)`` would become a live link in an officer's export. Every export in every app
goes through :func:`csv_cell` (CSV: an apostrophe before such a cell, which spreadsheets read as
"this is text" and hide) or :func:`xlsx_cell` (XLSX: a text cell with the quote-prefix style,
never a formula cell). Numbers stay numbers: ``-12.5`` is not a formula.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _is_number(text: str) -> bool:
    if text != text.strip():
        return False
    try:
        float(text)
    except ValueError:
        return False
    return text.lower() not in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}


def is_formula_like(value: object) -> bool:
    """Whether a spreadsheet would evaluate this cell if it were written as it is."""
    if value is None or isinstance(value, bool | int | float):
        return False
    text = str(value)
    return text.startswith(FORMULA_STARTS) and not _is_number(text)


def csv_cell(value: object) -> str:
    """The cell as CSV text, with an apostrophe before anything a spreadsheet would evaluate."""
    text = "" if value is None else str(value)
    return QUOTE + text if is_formula_like(value) else text


def csv_cell_read(text: str) -> str:
    """Undo :func:`csv_cell` on the way back in, so an export re-imports unchanged."""
    if text.startswith(QUOTE) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def xlsx_cell(sheet: Any, value: object) -> Any:
    """A write-only openpyxl cell: text that looks like a formula is stored as text."""
    from openpyxl.cell import WriteOnlyCell

    if not is_formula_like(value):
        return value
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
