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
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
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


@dataclass(frozen=True)
class TableLimits:
    """What one uploaded table may hold; a file past any of these is refused as a whole."""

    rows: int
    columns: int
    cell_characters: int
    xlsx_uncompressed_bytes: int
    xlsx_shared_strings_bytes: int

    @classmethod
    def from_settings(cls) -> TableLimits:
        return cls(
            rows=settings.GOGLOBAL_IMPORT_MAX_ROWS,
            columns=settings.GOGLOBAL_IMPORT_MAX_COLUMNS,
            cell_characters=settings.GOGLOBAL_IMPORT_MAX_CELL_CHARACTERS,
            xlsx_uncompressed_bytes=settings.GOGLOBAL_XLSX_MAX_UNCOMPRESSED_BYTES,
            xlsx_shared_strings_bytes=settings.GOGLOBAL_XLSX_MAX_SHARED_STRINGS_BYTES,
        )


def table_rows(
    handle: IO[bytes], file_format: str, limits: TableLimits | None = None
) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` for every row, the header first, streamed from ``handle``.

    A file with more data rows or columns than ``limits`` allow (the settings by default), or an
    XLSX file whose parts would unpack past them, raises :class:`TableError` before its rows
    are held anywhere.
    """
    limits = limits or TableLimits.from_settings()
    rows = _xlsx_rows(handle, limits) if file_format == FileFormat.XLSX else _csv_rows(handle)
    return _bounded(rows, limits)


def _too_many_rows(limits: TableLimits) -> TableError:
    return TableError(
        _("The file has more than %(limit)s data rows; split it into smaller files.")
        % {"limit": f"{limits.rows:,}"}
    )


def _too_many_columns(limits: TableLimits, row: int) -> TableError:
    return TableError(
        _("The file has more than %(limit)s columns.") % {"limit": f"{limits.columns:,}"},
        row=row,
    )


def _bounded(
    rows: Iterator[tuple[int, list[str]]], limits: TableLimits
) -> Iterator[tuple[int, list[str]]]:
    for number, cells in rows:
        if number > limits.rows + 1:
            raise _too_many_rows(limits)
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > limits.columns:
            raise _too_many_columns(limits, number)
        if any(len(cell) > limits.cell_characters for cell in cells):
            raise TableError(
                _("A cell holds more than %(limit)s characters.")
                % {"limit": f"{limits.cell_characters:,}"},
                row=number,
            )
        yield number, cells


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


def _not_a_workbook() -> TableError:
    return TableError(_("The file is not an Excel workbook (XLSX)."))


def _xlsx_check_parts(handle: IO[bytes], limits: TableLimits) -> None:
    """Refuse a workbook whose parts would unpack past the limits, from the zip's directory
    alone: nothing is decompressed here (a 300 KB file can unpack to gigabytes)."""
    try:
        with zipfile.ZipFile(handle) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _not_a_workbook() from error
    finally:
        handle.seek(0)
    if sum(part.file_size for part in parts) > limits.xlsx_uncompressed_bytes:
        raise TableError(
            _("The workbook unpacks to more than %(limit)s MB; split it into smaller files.")
            % {"limit": f"{limits.xlsx_uncompressed_bytes / 1e6:,.0f}"}
        )
    strings = sum(part.file_size for part in parts if part.filename.endswith("sharedStrings.xml"))
    if strings > limits.xlsx_shared_strings_bytes:
        raise TableError(
            _("The workbook's text unpacks to more than %(limit)s MB.")
            % {"limit": f"{limits.xlsx_shared_strings_bytes / 1e6:,.0f}"}
        )


def _xlsx_rows(handle: IO[bytes], limits: TableLimits) -> Iterator[tuple[int, list[str]]]:
    _xlsx_check_parts(handle, limits)
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise _not_a_workbook() from error
    try:
        if not workbook.worksheets:
            raise _not_a_workbook()
        sheet = workbook.worksheets[0]
        # The sheet's declared size, when it has one, is checked before any row is read; rows
        # are then read at most one column past the limit, so a cell far to the right (or a
        # missing or false size) can never make a row of thousands of empty cells.
        if (sheet.max_row or 0) > limits.rows + 1:
            raise _too_many_rows(limits)
        if (sheet.max_column or 0) > limits.columns:
            raise _too_many_columns(limits, 1)
        values = sheet.iter_rows(
            max_row=limits.rows + 2, max_col=limits.columns + 1, values_only=True
        )
        for number, row in enumerate(values, start=1):
            if row.count(None) == len(row):  # a row the sheet leaves out: nothing to convert
                yield number, []
            else:
                yield number, [cell_text(value) for value in row]
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
