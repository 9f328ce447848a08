"""Every dashboard table as CSV or XLSX. A cell that a spreadsheet would read as a formula (it
starts with = + - @, a tab or a carriage return) gets a leading apostrophe, so that a name typed
into the platform can never run as a formula on an analyst's machine."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse

from goglobal.imports.tables import csv_lines, xlsx_write

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _is_number(text: str) -> bool:
    if text != text.strip():
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(value: object) -> str:
    """The cell as text, with an apostrophe before anything a spreadsheet would evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not (isinstance(value, int | float) or _is_number(text)):
        return "'" + text
    return text


def table_response(
    name: str, header: list[str], rows: Iterable[list[object]], file_format: str
) -> HttpResponse | StreamingHttpResponse:
    safe_header = [neutralise(cell) for cell in header]
    safe_rows = ([neutralise(cell) for cell in row] for row in rows)
    response: HttpResponse | StreamingHttpResponse
    if file_format == "xlsx":
        buffer = io.BytesIO()
        xlsx_write(buffer, safe_header, safe_rows)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        response = StreamingHttpResponse(
            csv_lines(safe_header, safe_rows), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
