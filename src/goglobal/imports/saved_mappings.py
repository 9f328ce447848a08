"""Saved mappings: a source's column and value choices, kept by name and offered again when a
file with the same headers comes back (in any order, width or script)."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from goglobal.core.audit import audit_record
from goglobal.engines.mapping import header_key
from goglobal.imports.kinds import KINDS
from goglobal.imports.mapping import CODED, column_options, remapped_header, remapped_rows
from goglobal.imports.models import SavedMapping
from goglobal.imports.tables import csv_lines, table_rows

NAME_CHARACTERS = 120
_IN_MEMORY_BYTES = 4 * 1024 * 1024


def _keyed(header: Sequence[str], columns: Mapping[int, str]) -> dict[str, str]:
    return {header_key(header[position]): column for position, column in columns.items()}


def _check(
    kind: str, name: str, header: Sequence[str], columns: Mapping[int, str], values: Any
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Give the mapping a name.")]
    elif len(name) > NAME_CHARACTERS:
        errors["name"] = [
            _("A name has at most %(limit)s characters.") % {"limit": NAME_CHARACTERS}
        ]
    known = set(KINDS[kind].columns)
    chosen = list(columns.values())
    if not chosen:
        errors["columns"] = [_("Map at least one column.")]
    elif any(column not in known for column in chosen) or len(set(chosen)) != len(chosen):
        errors["columns"] = [_("Each column of the file maps to a different field.")]
    elif any(position not in range(len(header)) for position in columns):
        errors["columns"] = [_("The mapping names a column the file does not have.")]
    for column, choices in values.items():
        codes = {option.code for option in column_options(kind, column)}
        if column not in CODED[kind] or any(code not in codes for code in choices.values()):
            errors["values"] = [_("A value is mapped to something that is not on the list.")]
            break
    return errors


def saved_mapping_save(
    *,
    actor: Any,
    kind: str,
    name: str,
    header: Sequence[str],
    columns: Mapping[int, str],
    values: Mapping[str, Mapping[str, str]],
) -> SavedMapping:
    """Keep (or replace, under the same name) a mapping; raises ``ValidationError`` by field."""
    name = name.strip()
    errors = _check(kind, name, header, columns, values)
    if errors:
        raise ValidationError(errors)
    fields = {
        "headers": sorted({header_key(text) for text in header if header_key(text)}),
        "columns": _keyed(header, columns),
        "values": {column: dict(choices) for column, choices in values.items() if choices},
        "created_by": actor,
    }
    try:
        with transaction.atomic():
            mapping, created = SavedMapping.objects.update_or_create(
                kind=kind, name=name, defaults=fields
            )
            audit_record(
                actor=actor,
                record=mapping,
                action="created" if created else "updated",
                changes={"columns": mapping.columns},
            )
    except IntegrityError as error:  # the same name saved at the same moment by someone else
        raise ValidationError({"name": [_("A mapping with this name was just saved.")]}) from error
    return mapping


def saved_mappings_for(kind: str, header: Sequence[str]) -> list[SavedMapping]:
    """The kind's saved mappings whose every mapped header is in this file, most columns first."""
    keys = {header_key(text) for text in header}
    found = [
        mapping
        for mapping in SavedMapping.objects.filter(kind=kind)
        if mapping.columns and set(mapping.columns) <= keys
    ]
    return sorted(found, key=lambda mapping: (-len(mapping.columns), mapping.name))


def saved_mapping_columns(mapping: SavedMapping, header: Sequence[str]) -> dict[int, str]:
    """The saved choices as positions in this file (its first header of each name wins)."""
    columns: dict[int, str] = {}
    used: set[str] = set()
    known = set(KINDS[mapping.kind].columns)
    for position, text in enumerate(header):
        column = mapping.columns.get(header_key(text))
        if column in known and column not in used:
            columns[position] = column
            used.add(column)
    return columns


def saved_mapping_apply(
    mapping: SavedMapping, handle: IO[bytes], file_format: str
) -> tuple[File[Any], list[str]]:
    """A file in the source's layout rewritten in our columns as CSV, with its codes, and the
    headers of the file the mapping leaves out. The file is read under the upload limits;
    ``TableError`` says why one cannot be read."""
    rows = table_rows(handle, file_format)
    _number, header = next(rows, (1, []))
    columns = saved_mapping_columns(mapping, header)
    left_out = [text for position, text in enumerate(header) if text and position not in columns]
    values = {
        column: {str(text): str(code) for text, code in choices.items()}
        for column, choices in mapping.values.items()
    }
    out = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY_BYTES)  # noqa: SIM115 - returned
    data = (cells for _number, cells in rows if any(cells))
    for line in csv_lines(
        remapped_header(columns), remapped_rows(mapping.kind, data, columns, values)
    ):
        out.write(line.encode("utf-8"))
    out.seek(0)
    return File(out, name=f"{mapping.kind}-{mapping.pk}.csv"), left_out
