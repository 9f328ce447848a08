"""Every dashboard table as CSV or XLSX. The table writers neutralise every cell a spreadsheet
would read as a formula (``goglobal.core.spreadsheets``), so that a name typed into the platform
can never run as a formula on an analyst's machine."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse

from goglobal.core.spreadsheets import csv_cell
from goglobal.imports.tables import csv_lines, xlsx_write

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The one helper every export uses (the table writers apply it to every cell).
neutralise = csv_cell


def table_response(
    name: str, header: list[str], rows: Iterable[list[object]], file_format: str
) -> HttpResponse | StreamingHttpResponse:
    safe_header = [str(cell) for cell in header]
    safe_rows = (["" if cell is None else str(cell) for cell in row] for row in rows)
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
