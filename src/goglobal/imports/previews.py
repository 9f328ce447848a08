"""The wizard's preview: the whole draft checked as the import will check it, once per change
(the result is kept on the draft, keyed by every choice it depends on), and one page of rows
shown with each error in its cell, in words, and each possible duplicate named.

The duplicate check runs only in that whole-file check: the records it finds travel on each
parsed row (``ParsedRow.duplicates``) into the kept result, where the page reads them.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from goglobal.core.labels import join_list
from goglobal.imports.cells import RowError
from goglobal.imports.codes import ReferenceCodes
from goglobal.imports.drafts import (
    draft_cells,
    draft_columns,
    draft_rewritten,
    draft_source_rows,
    option_labels,
)
from goglobal.imports.importing import Source, rows_check
from goglobal.imports.kinds import KINDS, ParsedRow
from goglobal.imports.labels import column_label, worded
from goglobal.imports.mapping import CODED, cell_items, column_options
from goglobal.imports.models import FileFormat, ImportDraft

PAGE_ROWS = 20


def _key(draft: ImportDraft) -> str:
    """What a check depends on: the file and every choice made on it, and the language its
    messages are written in."""
    data = [
        draft.file.name,
        draft.columns,
        draft.values,
        draft.fixes,
        draft.skips,
        draft.links,
        translation.get_language(),
    ]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def draft_check(draft: ImportDraft, *, again: bool = False) -> dict[str, Any]:
    """The whole draft checked as the import checks it (without writing): ``rows``, ``total``
    errors, the first ``errors`` and ``warnings`` as {row, column, message}, and ``hits``
    (row → [[id, name, external id, same code]]). Kept on the draft until a choice changes."""
    key = _key(draft)
    if not again and draft.checked.get("key") == key:
        return draft.checked
    limit = settings.GOGLOBAL_IMPORT_MAX_ERRORS
    warnings: list[RowError] = []
    hits: dict[str, list[list[Any]]] = {}

    def observe(batch: list[ParsedRow], _errors: list[RowError]) -> None:
        for row in batch:
            if row.duplicates:
                hits[str(row.number)] = [
                    [hit.pk, hit.name, hit.external_id, hit.same_code] for hit in row.duplicates
                ]
            warnings.extend(row.warnings[: max(limit - len(warnings), 0)])

    handle = draft_rewritten(draft)
    try:
        source = Source(
            kind=KINDS[draft.kind],
            open=lambda: nullcontext(_rewound(handle)),
            file_format=FileFormat.CSV,
            codes=ReferenceCodes.load(),
            batch_size=settings.GOGLOBAL_IMPORT_BATCH_SIZE,
            links={int(row): int(pk) for row, pk in draft.links.items()},
        )
        rows, errors = rows_check(source, None, observe)
    finally:
        handle.close()
    draft.checked = {
        "key": key,
        "rows": rows,
        "total": errors.total,
        "errors": [error.as_dict() for error in errors],
        "warnings": [warning.as_dict() for warning in warnings],
        "hits": hits,
    }
    draft.save(update_fields=["checked", "updated_at"])
    return draft.checked


def _rewound(handle: Any) -> Any:
    handle.seek(0)
    return handle


@dataclass
class PreviewCell:
    column: str
    label: str
    position: int
    text: str
    fixed: bool
    errors: list[str] = field(default_factory=list)
    meaning: str = ""  # what a coded cell's values were matched to, in words


@dataclass
class PreviewRow:
    number: int
    cells: list[PreviewCell]
    skipped: bool
    errors: list[str]
    warnings: list[str]
    hits: list[dict[str, Any]]
    link: int | None

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(cell.errors for cell in self.cells)


@dataclass
class Preview:
    rows: list[PreviewRow]
    columns: list[tuple[str, str]]  # (column, label) in the order shown
    number: int
    pages: int
    shown: int  # rows matching the filter
    check: dict[str, Any]
    file_errors: list[str]
    problems_only: bool

    @property
    def has_notes(self) -> bool:
        """Whether a row of the page has an error outside its cells, a warning or a hit."""
        return any(row.errors or row.warnings or row.hits for row in self.rows)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def draft_preview(draft: ImportDraft, *, page: int, problems_only: bool = False) -> Preview:
    """One page of ``PAGE_ROWS`` rows (all rows, or those with an error or a warning), each
    cell with its errors reworded to name fields by their labels."""
    check = draft_check(draft)
    columns = draft_columns(draft)
    kind_columns = KINDS[draft.kind].columns
    by_row: dict[int, list[dict[str, Any]]] = {}
    file_errors = []
    for error in check["errors"]:
        if error["row"] is None or error["row"] == 1:  # the file, or its header
            file_errors.append(worded(error["message"], kind_columns))
        else:
            by_row.setdefault(error["row"], []).append(error)
    warned: dict[int, list[str]] = {}
    for warning in check["warnings"]:
        warned.setdefault(warning["row"], []).append(worded(warning["message"], kind_columns))
    problems = set(by_row) | set(warned)
    skips = set(draft.skips)
    wanted = [
        number
        for number, cells in draft_source_rows(draft)
        if any(cells) and (not problems_only or number in problems or number in skips)
    ]
    pages = max((len(wanted) + PAGE_ROWS - 1) // PAGE_ROWS, 1)
    number = min(max(page, 1), pages)
    on_page = wanted[(number - 1) * PAGE_ROWS : number * PAGE_ROWS]
    cells_of = draft_cells(draft, set(on_page))
    unmatched = _unmatched(draft, columns)
    rows = [
        _row(draft, n, cells_of.get(n, []), columns, by_row.get(n, []), warned, check, unmatched)
        for n in on_page
    ]
    return Preview(
        rows=rows,
        columns=[(column, column_label(column)) for _position, column in sorted(columns.items())],
        number=number,
        pages=pages,
        shown=len(wanted),
        check=check,
        file_errors=file_errors,
        problems_only=problems_only,
    )


@dataclass
class _Known:
    """Per coded column: every code and every text with a chosen code (what a cell may
    hold), and each code's label in the reader's language."""

    texts: dict[str, set[str]]
    labels: dict[str, dict[str, str]]


def _unmatched(draft: ImportDraft, columns: dict[int, str]) -> _Known:
    coded = CODED[draft.kind]
    known = _Known({}, {})
    for column in set(columns.values()) & set(coded):
        codes = {option.code for option in column_options(draft.kind, column)}
        known.texts[column] = codes | set(draft.values.get(column, {}))
        known.labels[column] = dict(option_labels(draft.kind, column))
    return known


def _meaning(draft: ImportDraft, column: str, text: str, known: _Known) -> str:
    """``深圳`` → ``深圳市``: the labels of the codes a coded cell's values were matched to,
    when they say something the cell does not."""
    rule = CODED[draft.kind][column]
    chosen = draft.values.get(column, {})
    words = []
    for item in cell_items(text, rule.is_list):
        head = item.split(":", 1)[0] if rule.is_list else item
        code = chosen.get(item) or chosen.get(head) or head
        label = known.labels[column].get(code)
        if label is None:
            return ""
        words.append(label)
    meaning = join_list(words)
    return "" if meaning == text else meaning


def _row(
    draft: ImportDraft,
    number: int,
    cells: list[str],
    columns: dict[int, str],
    errors: list[dict[str, Any]],
    warned: dict[int, list[str]],
    check: dict[str, Any],
    known: _Known,
) -> PreviewRow:
    kind_columns = KINDS[draft.kind].columns
    fixes = draft.fixes.get(str(number), {})
    shown = []
    placed: set[int] = set()
    for position, column in sorted(columns.items()):
        fixed = str(position) in fixes
        text = (
            str(fixes[str(position)])
            if fixed
            else (cells[position] if position < len(cells) else "")
        )
        messages = []
        for index, error in enumerate(errors):
            if error["column"] == column:
                placed.add(index)
                messages.append(worded(error["message"], kind_columns))
        meaning = _meaning(draft, column, text, known) if column in known.texts else ""
        if messages and column in known.texts:
            rule = CODED[draft.kind][column]
            items = cell_items(text, rule.is_list)
            heads = [item.split(":", 1)[0] if rule.is_list else item for item in items]
            strays = [
                item
                for item, head in zip(items, heads, strict=True)
                if item not in known.texts[column] and head not in known.texts[column]
            ]
            if strays:
                messages = [
                    _(
                        "“%(value)s” matches nothing on the list of %(field)s: choose its match "
                        "in the values step, or correct the cell here."
                    )
                    % {"value": strays[0], "field": column_label(column)}
                ]
        shown.append(
            PreviewCell(column, column_label(column), position, text, fixed, messages, meaning)
        )
    rest = [
        worded(error["message"], kind_columns)
        for index, error in enumerate(errors)
        if index not in placed
    ]
    hits = [
        {"pk": pk, "name": name, "external_id": external_id, "same_code": same}
        for pk, name, external_id, same in check["hits"].get(str(number), [])
    ]
    link = draft.links.get(str(number))
    return PreviewRow(
        number=number,
        cells=shown,
        skipped=number in set(draft.skips),
        errors=rest,
        warnings=warned.get(number, []),
        hits=hits,
        link=int(link) if link is not None else None,
    )
