"""The import wizard's drafts: a file in any layout, uploaded once and kept server-side while
its creator maps its columns and values, fixes cells and skips rows; then rewritten in our
columns and codes and imported as any other file (``services.import_job_create``).

Row numbers stay those of the uploaded file throughout: a skipped row is written as an empty
line, which the import passes over, so the job's errors and warnings name the rows the person
saw in the preview.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO, Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.rules import can
from goglobal.core.errors import DomainError
from goglobal.core.i18n import language_suffix
from goglobal.imports import mapping
from goglobal.imports.forms import upload_too_large_message
from goglobal.imports.kinds import KINDS
from goglobal.imports.labels import column_label
from goglobal.imports.mapping import (
    CODED,
    cell_items,
    column_suggestions,
    remapped_header,
    remapped_rows,
    value_suggestions,
)
from goglobal.imports.models import ImportDraft, ImportJob, SavedMapping
from goglobal.imports.saved_mappings import saved_mapping_columns, saved_mapping_save
from goglobal.imports.tables import TableError, csv_lines, table_rows

DRAFT_DAYS = 7  # a draft untouched this long is deleted, with its file
VALUES_SHOWN = 200  # different values listed per coded column
FIX_CHARACTERS = 2000
_IN_MEMORY_BYTES = 4 * 1024 * 1024


# --- creating, finding and expiring drafts ---------------------------------------------------


def import_draft_create(*, actor: Any, kind: str, upload: File[Any]) -> ImportDraft:
    """Read the upload whole (so a file that cannot be read is refused now, on its field) and
    keep it as a draft with its header and the suggested columns."""
    from goglobal.imports.services import file_format_of

    if kind not in KINDS:
        raise DomainError(_("Choose what the file holds."), field="kind")
    name = Path(upload.name or "upload").name
    file_format = file_format_of(name)
    if (upload.size or 0) > settings.GOGLOBAL_UPLOAD_MAX_BYTES:
        raise DomainError(upload_too_large_message(), field="file")
    upload.seek(0)
    header = _read_whole(cast("IO[bytes]", getattr(upload, "file", None) or upload), file_format)
    upload.seek(0)
    suggested = {
        str(s.position): s.column for s in column_suggestions(kind, header) if s.column is not None
    }
    with transaction.atomic():
        import_drafts_expire()
        draft = ImportDraft(
            kind=kind,
            original_name=name[:255],
            file_format=file_format,
            header=header,
            columns=suggested,
            created_by=actor,
        )
        draft.file.save(name, upload, save=False)
        draft.save()
    return draft


def _read_whole(handle: IO[bytes], file_format: str) -> list[str]:
    """The header of a readable table with at least one named column; every row is read."""
    try:
        rows = table_rows(handle, file_format)
        _number, header = next(rows, (1, []))
        data = sum(1 for _number, cells in rows if any(cells))
    except TableError as error:
        raise DomainError(error.message, field="file") from error
    if not any(header):
        raise DomainError(_("The file is empty: row 1 must name the columns."), field="file")
    if not data:
        raise DomainError(_("The file has no rows below its header."), field="file")
    return header


def import_draft_get_for(*, user: Any, draft_id: int) -> ImportDraft:
    """The user's own draft; anybody else's (or a missing one) is a 404."""
    if not can(user, "data.import"):
        raise Http404
    draft = ImportDraft.objects.filter(pk=draft_id, created_by=user).first()
    if draft is None:
        raise Http404
    return draft


def import_drafts_expire(*, now: Any = None) -> int:
    """Delete the drafts nobody touched for ``DRAFT_DAYS`` days, and their files."""
    cutoff = (now or timezone.now()) - timedelta(days=DRAFT_DAYS)
    old = list(ImportDraft.objects.filter(updated_at__lt=cutoff))
    for draft in old:
        draft.file.delete(save=False)
        draft.delete()
    return len(old)


# --- columns ---------------------------------------------------------------------------------


def draft_columns(draft: ImportDraft) -> dict[int, str]:
    return {int(position): column for position, column in draft.columns.items() if column}


def column_choices(kind: str) -> list[tuple[str, str]]:
    """The kind's columns as (column, label in the reader's language), required ones marked."""
    required = set(KINDS[kind].required_columns)
    return [
        (
            column,
            _("%(label)s (required)") % {"label": column_label(column)}
            if column in required
            else column_label(column),
        )
        for column in KINDS[kind].columns
    ]


def draft_samples(draft: ImportDraft, *, limit: int = 3, rows: int = 50) -> dict[int, list[str]]:
    """A few different values of each column, from the first ``rows`` rows, to recognise it."""
    samples: dict[int, dict[str, None]] = {position: {} for position in range(len(draft.header))}
    for count, (_number, cells) in enumerate(draft_source_rows(draft)):
        if count >= rows:
            break
        for position, text in enumerate(cells[: len(draft.header)]):
            if text and len(samples[position]) < limit:
                samples[position].setdefault(text[:60], None)
    return {position: list(found) for position, found in samples.items()}


def draft_in_progress_for(user: Any, *, limit: int = 10) -> list[ImportDraft]:
    """The user's drafts not imported yet, latest first."""
    return list(ImportDraft.objects.filter(created_by=user, job__isnull=True)[:limit])


def draft_columns_set(draft: ImportDraft, columns: Mapping[int, str]) -> None:
    """Keep the person's columns; raises ``ValidationError`` by field (``column-N``) or for the
    form as a whole (a required column left unmapped)."""
    known = set(KINDS[draft.kind].columns)
    errors: dict[str, list[str]] = {}
    used: dict[str, int] = {}
    for position, column in sorted(columns.items()):
        if not column:
            continue
        if column not in known or position not in range(len(draft.header)):
            errors[f"column-{position}"] = [_("Choose a field from the list.")]
        elif column in used:
            errors[f"column-{position}"] = [
                _("“%(field)s” is already chosen for column “%(header)s”.")
                % {"field": column_label(column), "header": draft.header[used[column]]}
            ]
        else:
            used[column] = position
    missing = [column_label(c) for c in KINDS[draft.kind].required_columns if c not in used]
    if missing:
        errors["__all__"] = [
            _("Choose a column of the file for each required field: %(fields)s.")
            % {"fields": _list(missing)}
        ]
    if errors:
        raise ValidationError(errors)
    draft.columns = {str(position): column for column, position in used.items()}
    draft.checked = {}
    draft.save(update_fields=["columns", "checked", "updated_at"])


def draft_mapping_use(draft: ImportDraft, mapping: SavedMapping) -> None:
    """Take a saved mapping's columns and value choices for this draft."""
    if mapping.kind != draft.kind:
        raise Http404
    columns = saved_mapping_columns(mapping, draft.header)
    draft.columns = {str(position): column for position, column in columns.items()}
    draft.values = {
        column: {str(text): str(code) for text, code in choices.items()}
        for column, choices in mapping.values.items()
    }
    draft.checked = {}
    draft.save(update_fields=["columns", "values", "checked", "updated_at"])


def saved_mappings_matching(draft: ImportDraft) -> list[SavedMapping]:
    from goglobal.imports.saved_mappings import saved_mappings_for

    return saved_mappings_for(draft.kind, draft.header)


# --- values ----------------------------------------------------------------------------------


@dataclass
class ValueColumn:
    """A coded column of the draft: each different value with the code chosen (or suggested)
    for it, and the options in the reader's language."""

    column: str
    label: str
    header: str
    is_list: bool
    values: list[tuple[str, str | None]]
    options: list[tuple[str, str]]
    more: bool = False


def option_labels(kind: str, column: str) -> list[tuple[str, str]]:
    """(code, label in the reader's language) for a coded column's options, by label."""
    position = {"en": 0, "zh_hans": 1, "zh_hant": 2}.get(language_suffix(), 0)
    return sorted(mapping.option_labels(kind, column, position), key=lambda pair: pair[1])


def draft_source_rows(draft: ImportDraft) -> Iterator[tuple[int, list[str]]]:
    """The draft's data rows as uploaded, with their spreadsheet numbers."""
    with draft.file.open("rb") as handle:
        rows = table_rows(handle, draft.file_format)
        next(rows, None)
        yield from rows


def draft_value_columns(draft: ImportDraft) -> list[ValueColumn]:
    """Every mapped coded column with its different values (the first ``VALUES_SHOWN``, in one
    pass over the file), each with its chosen code, else the suggested one."""
    coded = CODED[draft.kind]
    columns = {p: c for p, c in sorted(draft_columns(draft).items()) if c in coded}
    seen: dict[int, dict[str, None]] = {position: {} for position in columns}
    more: set[int] = set()
    skips = set(draft.skips)
    for number, cells in draft_source_rows(draft):
        if number in skips:
            continue
        for position, column in columns.items():
            if position >= len(cells):
                continue
            for item in cell_items(_fixed(draft, number, position, cells), coded[column].is_list):
                if item in seen[position]:
                    continue
                if len(seen[position]) >= VALUES_SHOWN:
                    more.add(position)
                    continue
                seen[position][item] = None
    found = []
    for position, column in columns.items():
        texts = list(seen[position])
        chosen = draft.values.get(column, {})
        suggested = value_suggestions(draft.kind, column, [t for t in texts if t not in chosen])
        found.append(
            ValueColumn(
                column=column,
                label=column_label(column),
                header=draft.header[position],
                is_list=coded[column].is_list,
                values=[(text, chosen.get(text, suggested.get(text))) for text in texts],
                options=option_labels(draft.kind, column),
                more=position in more,
            )
        )
    return found


def draft_values_set(draft: ImportDraft, values: Mapping[str, Mapping[str, str]]) -> None:
    """Keep the chosen codes (an empty choice leaves a value as it is written); a code that is
    not on the column's list is refused."""
    coded = CODED[draft.kind]
    kept: dict[str, dict[str, str]] = {}
    for column, choices in values.items():
        if column not in coded:
            raise ValidationError({"__all__": [_("Choose a value from the list.")]})
        codes = {code for code, _label in option_labels(draft.kind, column)}
        for text, code in choices.items():
            if not code:
                continue
            if code not in codes:
                raise ValidationError({"__all__": [_("Choose a value from the list.")]})
            kept.setdefault(column, {})[text] = code
    draft.values = kept
    draft.checked = {}
    draft.save(update_fields=["values", "checked", "updated_at"])


def draft_mapping_save(draft: ImportDraft, *, actor: Any, name: str) -> SavedMapping:
    """Keep the draft's columns and values as a saved mapping (``ValidationError`` by field)."""
    return saved_mapping_save(
        actor=actor,
        kind=draft.kind,
        name=name,
        header=draft.header,
        columns=draft_columns(draft),
        values=draft.values,
    )


# --- fixes, skips, links ---------------------------------------------------------------------


def _fixed(draft: ImportDraft, number: int, position: int, cells: list[str]) -> str:
    fix = draft.fixes.get(str(number), {}).get(str(position))
    if fix is not None:
        return str(fix)
    return cells[position] if position < len(cells) else ""


@dataclass
class RowChange:
    """What the person changed on one previewed row."""

    number: int
    fixes: dict[int, str]
    skip: bool
    link: int | None


def draft_rows_change(draft: ImportDraft, changes: list[RowChange]) -> None:
    """Keep cell fixes, skips and duplicate choices for the rows of one preview page; a fix
    equal to the file's cell is dropped, a link must name a record the check found for the
    row. Raises ``ValidationError`` keyed ``fix-ROW-POSITION``."""
    errors: dict[str, list[str]] = {}
    original = draft_cells(draft, {change.number for change in changes})
    hits = draft.checked.get("hits", {})
    fixes = {row: dict(cells) for row, cells in draft.fixes.items()}
    skips = set(draft.skips)
    links = dict(draft.links)
    for change in changes:
        row = str(change.number)
        for position, text in change.fixes.items():
            text = text.strip()
            if len(text) > FIX_CHARACTERS:
                errors[f"fix-{row}-{position}"] = [
                    _("A cell has at most %(limit)s characters.") % {"limit": FIX_CHARACTERS}
                ]
                continue
            cells = original.get(change.number, [])
            if text == (cells[position] if position < len(cells) else ""):
                fixes.get(row, {}).pop(str(position), None)
            else:
                fixes.setdefault(row, {})[str(position)] = text
        if not fixes.get(row):
            fixes.pop(row, None)
        if change.skip:
            skips.add(change.number)
        else:
            skips.discard(change.number)
        allowed = {hit[0] for hit in hits.get(row, [])} | ({links[row]} if row in links else set())
        if change.link is None:
            links.pop(row, None)
        elif change.link in allowed:
            links[row] = change.link
    if errors:
        raise ValidationError(errors)
    draft.fixes = fixes
    draft.skips = sorted(skips)
    draft.links = links
    draft.save(update_fields=["fixes", "skips", "links", "updated_at"])


def draft_cells(draft: ImportDraft, numbers: set[int]) -> dict[int, list[str]]:
    """The source file's cells of the rows numbered ``numbers``, read up to the last of them."""
    found = {}
    last = max(numbers, default=0)
    for number, cells in draft_source_rows(draft):
        if number in numbers:
            found[number] = cells
        if number >= last:
            break
    return found


# --- the rewritten file and the import -------------------------------------------------------


def _values_with_fixes(draft: ImportDraft, columns: Mapping[int, str]) -> dict[str, dict[str, str]]:
    """The chosen codes, and suggestions for what fixed cells of coded columns now say."""
    coded = CODED[draft.kind]
    values = {column: dict(choices) for column, choices in draft.values.items()}
    wanted: dict[str, set[str]] = {}
    for cells in draft.fixes.values():
        for position, text in cells.items():
            column = columns.get(int(position))
            if column in coded:
                chosen = values.get(column, {})
                items = cell_items(str(text), coded[column].is_list)
                wanted.setdefault(column, set()).update(i for i in items if i not in chosen)
    for column, texts in wanted.items():
        for text, code in value_suggestions(draft.kind, column, sorted(texts)).items():
            if code is not None:
                values.setdefault(column, {})[text] = code
    return values


def draft_rewritten(draft: ImportDraft) -> IO[bytes]:
    """The draft as a CSV file in our columns and codes, fixes in place, skipped rows empty
    (so every row keeps its number). The caller closes it."""
    columns = draft_columns(draft)
    values = _values_with_fixes(draft, columns)
    skips = set(draft.skips)

    def data() -> Iterator[list[str]]:
        for number, cells in draft_source_rows(draft):
            if number in skips:
                yield []
                continue
            fixed = draft.fixes.get(str(number))
            if fixed:
                width = max(len(cells), *(int(position) + 1 for position in fixed))
                cells = [*cells, *[""] * (width - len(cells))]
                for position, text in fixed.items():
                    cells[int(position)] = str(text)
            yield cells

    out = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY_BYTES)  # noqa: SIM115 - returned
    for line in csv_lines(
        remapped_header(columns), remapped_rows(draft.kind, data(), columns, values)
    ):
        out.write(line.encode("utf-8"))
    out.seek(0)
    return out


def draft_import(draft: ImportDraft, *, actor: Any) -> ImportJob:
    """Hand the draft to the import as a new job (checked whole again by its worker: the
    database may have changed since the preview). Refused while the last check found errors."""
    from goglobal.imports.previews import draft_check
    from goglobal.imports.services import import_job_create

    check = draft_check(draft)
    if check["total"]:
        raise DomainError(
            _("Fix or skip the rows with errors first (%(count)s errors).")
            % {"count": check["total"]}
        )
    skips = set(draft.skips)
    links = {int(row): int(pk) for row, pk in draft.links.items() if int(row) not in skips}
    handle = draft_rewritten(draft)
    try:
        with transaction.atomic():
            job = import_job_create(
                actor=actor,
                kind=draft.kind,
                upload=File(handle, name=f"{Path(draft.original_name).stem or 'import'}.csv"),
                dry_run=False,
                links=links,
            )
            draft.job = job
            draft.save(update_fields=["job", "updated_at"])
    finally:
        handle.close()
    return job


def _list(items: list[str]) -> str:
    from goglobal.core.labels import join_list

    return join_list(items)
