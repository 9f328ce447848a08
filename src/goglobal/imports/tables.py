"""Reading and writing tables, a row at a time: CSV (UTF-8, with or without BOM) and XLSX.

Nothing here knows about enterprises or providers. Reading yields the header once and then each
data row with its spreadsheet row number (the header is row 1); writing takes any iterable of
rows, so neither side ever holds a whole file in memory.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from goglobal.core.spreadsheets import csv_cell, csv_cell_read, xlsx_cell
from goglobal.imports.models import FileFormat


class TableError(Exception):
    """The file cannot be read as a table at all; ``message`` is translated."""

    def __init__(self, message: str, *, row: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row = row


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person typed: ``1.0`` → ``"1"``, ``None`` → ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def table_rows(handle: IO[bytes], file_format: str) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` for every row, the header first, streamed from ``handle``."""
    if file_format == FileFormat.XLSX:
        return _xlsx_rows(handle)
    return _csv_rows(handle)


def _csv_rows(handle: IO[bytes]) -> Iterator[tuple[int, list[str]]]:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    number = 1
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, [csv_cell_read(cell.strip()) for cell in cells]
    except UnicodeDecodeError as error:
        raise TableError(
            _("The file is not UTF-8 text; save it as “CSV UTF-8” and try again."), row=number + 1
        ) from error
    except csv.Error as error:
        raise TableError(
            _("The CSV file is malformed: %(problem)s") % {"problem": error}, row=number + 1
        ) from error
    finally:
        text.detach()


def _xlsx_rows(handle: IO[bytes]) -> Iterator[tuple[int, list[str]]]:
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise TableError(_("The file is not an Excel workbook (XLSX).")) from error
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [cell_text(value) for value in values]
    finally:
        workbook.close()


class _Echo:
    """A file-like object whose ``write`` returns what it was given, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    """CSV text a line at a time, with a BOM so that Excel opens it as UTF-8.

    Every cell goes through :func:`csv_cell`, so nothing is written as a live formula.
    """
    writer = csv.writer(_Echo())
    yield codecs.BOM_UTF8.decode("utf-8") + writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([csv_cell(cell) for cell in row])


def csv_write(handle: IO[str], header: list[str], rows: Iterable[list[Any]]) -> int:
    count = -1
    for count, line in enumerate(csv_lines(header, rows)):  # noqa: B007 - counted
        handle.write(line)
    return count


def xlsx_write(handle: IO[bytes] | str, header: list[str], rows: Iterable[list[Any]]) -> int:
    """Write a one-sheet workbook in openpyxl's write-only mode; returns the data rows written.

    Every cell goes through :func:`xlsx_cell`: text that looks like a formula is a text cell.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([xlsx_cell(sheet, cell) for cell in header])
    count = 0
    for row in rows:
        sheet.append([xlsx_cell(sheet, cell) for cell in row])
        count += 1
    workbook.save(handle)
    return count
