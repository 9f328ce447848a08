"""What every kind of import shares: parsed rows, the header check and the record update."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from goglobal.core.audit import snapshot
from goglobal.imports.cells import Cells, RowError
from goglobal.imports.codes import ReferenceCodes, ReverseCodes
from goglobal.imports.kinds.relations import Relation

EXTERNAL_ID = "external_id"


@dataclass(frozen=True, slots=True)
class Hit:
    """An existing record a row may be: found once by the file's check and carried on the row,
    so that what shows it (a job's warnings, the wizard's preview) never looks it up again.
    ``same_code`` when it holds the row's Unified Social Credit Code (the row cannot create)."""

    pk: int
    name: str
    external_id: str
    same_code: bool = False


_EXTERNAL_ID_SHAPE = re.compile(r"^[^\s;]{1,64}$")


@dataclass
class ParsedRow:
    """One data row as model values; only the columns present in the file are set."""

    number: int
    external_id: str
    values: dict[str, Any] = field(default_factory=dict)
    relations: dict[str, Any] = field(default_factory=dict)
    unique: dict[str, str] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    link_duplicates: bool = False
    link_pk: int | None = None  # an existing record this row updates instead of creating one
    link_to: int | None = None  # the record the person chose for this row to update
    duplicates: list[Hit] = field(default_factory=list)


class Kind:
    """How one kind of record is read from a row, compared, written and exported."""

    name: str
    model: type[models.Model]
    columns: list[str]
    required_columns: list[str]
    relations: dict[str, Relation]

    def parse(self, cells: Cells, codes: ReferenceCodes) -> ParsedRow:
        raise NotImplementedError

    def search_text(self, record: Any) -> str:
        raise NotImplementedError

    def updated(self, pks: list[int]) -> None:
        """Called in the import's transaction with the existing records it has just changed."""

    def written(self, pks: list[int]) -> None:
        """Called in the import's transaction with every record it has created or changed."""

    def created(self, pks: list[int]) -> None:
        """Called in the import's transaction, after ``written``, with the records it created."""

    def export_row(self, record: Any, states: dict[str, Any], codes: ReverseCodes) -> list[str]:
        raise NotImplementedError

    def check_database(self, rows: list[ParsedRow]) -> list[RowError]:
        """Rows that name a deleted record; kinds add their own unique checks."""
        deleted = set(
            self.model.objects.filter(  # type: ignore[attr-defined]
                external_id__in=[row.external_id for row in rows], deleted_at__isnull=False
            ).values_list("external_id", flat=True)
        )
        return [
            RowError(
                row.number,
                EXTERNAL_ID,
                _("The record with external id “%(external_id)s” was deleted; restore it first.")
                % {"external_id": row.external_id},
            )
            for row in rows
            if row.external_id in deleted
        ]

    def header_errors(self, header: list[str]) -> list[RowError]:
        errors = []
        known = set(self.columns)
        for position, column in enumerate(header):
            if column and column not in known:
                errors.append(
                    RowError(1, column, _("Unknown column “%(column)s”.") % {"column": column})
                )
            elif column in header[:position]:
                errors.append(
                    RowError(
                        1, column, _("Column “%(column)s” appears twice.") % {"column": column}
                    )
                )
        for column in self.required_columns:
            if column not in header:
                errors.append(
                    RowError(1, column, _("Column “%(column)s” is missing.") % {"column": column})
                )
        return errors

    def external_id(self, cells: Cells) -> str:
        value = cells.raw(EXTERNAL_ID)
        if not value:
            cells.error(EXTERNAL_ID, _("“%(column)s” is required.") % {"column": EXTERNAL_ID})
        elif not _EXTERNAL_ID_SHAPE.match(value):
            cells.error(
                EXTERNAL_ID,
                _("An external id has at most 64 characters, without spaces or “;”."),
            )
        return value

    def new_record(self, row: ParsedRow) -> Any:
        record: Any = self.model(external_id=row.external_id, **row.values)
        record.search_text = self.search_text(record)
        return record

    def apply(self, record: Any, row: ParsedRow) -> tuple[dict[str, list[Any]], list[str]]:
        """Set the row's values on ``record``: ``(audit diff, changed field names)``."""
        names = [name for name, value in row.values.items() if getattr(record, name) != value]
        before = snapshot(record, names)
        for name in names:
            setattr(record, name, row.values[name])
        after = snapshot(record, names)
        search_text = self.search_text(record)
        if search_text != record.search_text:
            record.search_text = search_text
            names.append("search_text")
        return {name: [before[name], after[name]] for name in before}, names

    def export_records(self, queryset: models.QuerySet[Any], size: int) -> Iterator[list[Any]]:
        """Live records in batches of ``size``, by id, without holding them all."""
        last = 0
        while True:
            batch = list(
                queryset.filter(pk__gt=last, deleted_at__isnull=True).order_by("pk")[:size]
            )
            if not batch:
                return
            yield batch
            last = batch[-1].pk


def joined(items: Any) -> str:
    return ";".join(str(item) for item in items)


def names_required(cells: Cells, columns: tuple[str, ...]) -> None:
    if any(cells.has(column) for column in columns) and not any(cells.raw(c) for c in columns):
        cells.error(columns[0], _("Give a name in at least one language."))
