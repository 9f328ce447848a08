"""The import pipeline: check the whole file, then plan and write it batch by batch.

Both passes stream the file: neither holds more than one batch of rows or records. The first
pass collects every error (cells, duplicates within the file, clashes with the database); only a
file without errors reaches the second pass, which compares each batch with the records it names
and writes creations, updates, related rows and audit events in bulk.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import IO, Any, TypeVar

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.core.models import AuditEvent
from goglobal.imports import bulk
from goglobal.imports.cells import Cells, RowError
from goglobal.imports.codes import ReferenceCodes
from goglobal.imports.kinds import Kind, ParsedRow
from goglobal.imports.kinds.relations import WriteContext
from goglobal.imports.tables import TableError, table_rows

Opener = Callable[[], AbstractContextManager[IO[bytes]]]
T = TypeVar("T")


@dataclass
class Source:
    """Where the rows come from: ``open`` is called once per pass."""

    kind: Kind
    open: Opener
    file_format: str
    codes: ReferenceCodes
    batch_size: int = 1000
    link_duplicates: bool = False
    links: dict[int, int] = field(default_factory=dict)  # row number → enterprise to update


@dataclass
class Counts:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[RowError] = field(default_factory=list)
    errors_total: int = 0


# Longest error message kept (a message quotes the cell it is about, and a cell may be long).
MESSAGE_CHARACTERS = 300


class KeptErrors(list[RowError]):
    """The first ``limit`` errors of a file, and how many there were in all (``total``)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = max(limit, 1)
        self.total = 0

    def append(self, error: RowError) -> None:
        self.total += 1
        if len(self) < self.limit:
            if len(error.message) > MESSAGE_CHARACTERS:
                error = replace(error, message=error.message[: MESSAGE_CHARACTERS - 1] + "…")
            super().append(error)

    def extend(self, errors: Iterable[RowError]) -> None:
        for error in errors:
            self.append(error)


@dataclass
class _Update:
    record: Any
    fields: list[str]
    diff: dict[str, list[Any]]
    relations: dict[str, tuple[Any, Any]]


@dataclass
class _Plan:
    creates: list[tuple[Any, ParsedRow]] = field(default_factory=list)
    updates: list[_Update] = field(default_factory=list)
    unchanged: int = 0


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _parsed_rows(source: Source, handle: IO[bytes], errors: list[RowError]) -> Iterator[ParsedRow]:
    rows = table_rows(handle, source.file_format)
    _number, header = next(rows, (1, []))
    while header and not header[-1]:
        header.pop()
    if not header:
        errors.append(RowError(1, "", _("The file is empty: row 1 must name the columns.")))
        return
    problems = source.kind.header_errors(header)
    if problems:
        errors.extend(problems)
        return
    width = len(header)
    for number, cells in rows:
        if not any(cells):
            continue
        if any(cells[width:]):
            errors.append(RowError(number, "", _("This row has values beyond the last column.")))
        padded = [*cells[:width], *[""] * (width - len(cells))]
        named = {name: value for name, value in zip(header, padded, strict=True) if name}
        yield source.kind.parse(Cells(number, named), source.codes)


def _duplicates(row: ParsedRow, seen: dict[str, dict[str, int]]) -> list[RowError]:
    errors = []
    for column, value in {"external_id": row.external_id, **row.unique}.items():
        if not value:
            continue
        first = seen[column].setdefault(value, row.number)
        if first != row.number:
            errors.append(
                RowError(
                    row.number,
                    column,
                    _("“%(value)s” is already used in row %(row)s.")
                    % {"value": value, "row": first},
                )
            )
    return errors


class Spool:
    """Parsed batches kept in a temporary file between the two passes, never in memory."""

    def __init__(self) -> None:
        self.handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()

    def add(self, batch: list[ParsedRow]) -> None:
        data = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
        self.handle.write(len(data).to_bytes(8, "big"))
        self.handle.write(data)

    def batches(self) -> Iterator[list[ParsedRow]]:
        self.handle.seek(0)
        while size := int.from_bytes(self.handle.read(8), "big"):
            yield pickle.loads(self.handle.read(size))  # noqa: S301 - our own file, written above

    def close(self) -> None:
        self.handle.close()


Observer = Callable[[list[ParsedRow], list[RowError]], None]


def rows_check(
    source: Source, spool: Spool | None, observe: Observer | None = None
) -> tuple[int, KeptErrors]:
    """Read the whole file once: ``(data rows, errors)``, errors in row order.

    The first ``GOGLOBAL_IMPORT_MAX_ERRORS`` errors are kept and all are counted (``total``).
    Every parsed batch goes to ``spool`` (if any), so that the second pass need not parse
    again; ``observe(batch, errors)`` sees each checked batch with its errors (the preview).
    """
    errors = KeptErrors(settings.GOGLOBAL_IMPORT_MAX_ERRORS)
    seen: dict[str, dict[str, int]] = defaultdict(dict)
    count = 0
    with source.open() as handle:
        try:
            for batch in batched(_parsed_rows(source, handle, errors), source.batch_size):
                count += len(batch)
                found: list[RowError] = []
                for row in batch:
                    row.link_duplicates = source.link_duplicates
                    row.link_to = source.links.get(row.number)
                    found.extend(row.errors)
                    found.extend(_duplicates(row, seen))
                found.extend(source.kind.check_database([row for row in batch if row.external_id]))
                errors.extend(found)
                if observe is not None:
                    observe(batch, found)
                if not errors and spool is not None:
                    spool.add(batch)
        except TableError as error:
            # The reason the file could not be read is always kept, whatever the limit.
            errors.total += 1
            errors.insert(0, RowError(error.row, "", error.message))
    errors.sort(key=lambda error: error.row or 0)
    return count, errors


def rows_write(
    kind: Kind, spool: Spool, *, actor: Any, job_id: int | None, dry_run: bool
) -> Counts:
    """Compare every row with the database and, unless ``dry_run``, write the differences.

    Call inside ``transaction.atomic`` when writing, with the spool ``rows_check`` filled
    without finding an error.
    """
    counts = Counts()
    context = WriteContext(actor=actor, now=timezone.now())
    for batch in spool.batches():
        plan = _plan(kind, batch, lock=not dry_run)
        counts.warnings.extend(warning for row in batch for warning in row.warnings)
        counts.rows += len(batch)
        counts.created += len(plan.creates)
        counts.updated += len(plan.updates)
        counts.unchanged += plan.unchanged
        if not dry_run:
            _write(kind, plan, context, job_id)
    return counts


def _plan(kind: Kind, batch: list[ParsedRow], *, lock: bool) -> _Plan:
    records = kind.model.objects.filter(external_id__in=[row.external_id for row in batch])  # type: ignore[attr-defined]
    existing = {
        record.external_id: record for record in (records.select_for_update() if lock else records)
    }
    # Rows linked to an existing record (``link_pk``) update it and give it their external id.
    linked_pks = [row.link_pk for row in batch if row.link_pk and row.external_id not in existing]
    if linked_pks:
        linked = kind.model.objects.filter(pk__in=linked_pks)  # type: ignore[attr-defined]
        by_pk = {record.pk: record for record in (linked.select_for_update() if lock else linked)}
        for row in batch:
            record = by_pk.get(row.link_pk) if row.link_pk else None
            if record is not None and row.external_id not in existing:
                record.external_id = row.external_id
                existing[row.external_id] = record
    pks = [record.pk for record in existing.values()]
    wanted = {name for row in batch for name in row.relations}
    states = {name: kind.relations[name].load(pks) for name in wanted if pks}
    plan = _Plan()
    for row in batch:
        record = existing.get(row.external_id)
        if record is None:
            plan.creates.append((kind.new_record(row), row))
            continue
        diff, names = kind.apply(record, row)
        if row.link_pk == record.pk and "external_id" not in names:
            names.append("external_id")
            diff["external_id"] = [None, row.external_id]
        relations = {}
        for name, new in row.relations.items():
            old = states[name].get(record.pk, kind.relations[name].empty)
            if new != old:
                relations[name] = (new, old)
        if names or relations:
            plan.updates.append(_Update(record, names, diff, relations))
        else:
            plan.unchanged += 1
    return plan


def _write(kind: Kind, plan: _Plan, context: WriteContext, job_id: int | None) -> None:
    created = [record for record, _row in plan.creates]
    for record in created:
        record.created_at = record.updated_at = context.now
    if created:
        bulk.insert_records(kind.model, created)
    records = [update.record for update in plan.updates]
    for record in records:
        record.version += 1
        record.updated_at = context.now
    fields = sorted({name for update in plan.updates for name in update.fields})
    bulk.update(kind.model, records, [*fields, "version", "updated_at"])
    for name, relation in kind.relations.items():
        changes = [
            (record.pk, row.relations[name], relation.empty)
            for record, (_record, row) in zip(created, plan.creates, strict=True)
            if name in row.relations
        ]
        changes += [
            (update.record.pk, *update.relations[name])
            for update in plan.updates
            if name in update.relations
        ]
        if changes:
            relation.write(changes, context)
    kind.updated([update.record.pk for update in plan.updates])
    # Identity keys of every row written and duplicate notes for every record created, a
    # handful of queries per batch (imports.identity).
    kind.written([record.pk for record in created] + [update.record.pk for update in plan.updates])
    kind.created([record.pk for record in created])
    bulk.insert(
        AuditEvent,
        ["actor_id", "action", "target_type", "target_id", "changes", "created_at"],
        _audit_events(kind, created, plan.updates, context, job_id),
    )


def _audit_events(
    kind: Kind,
    created: list[Any],
    updates: list[_Update],
    context: WriteContext,
    job_id: int | None,
) -> Iterator[tuple[Any, ...]]:
    """One ``imported`` audit row per record created or updated."""
    actor_id = getattr(context.actor, "pk", None)
    target_type = kind.model._meta.label_lower
    action = AuditEvent.Action.IMPORTED.value
    for record in created:
        changes: dict[str, Any] = {"import_job": job_id, "result": "created"}
        yield actor_id, action, target_type, str(record.pk), changes, context.now
    for update in updates:
        changes = {
            "import_job": job_id,
            "result": "updated",
            "fields": update.diff,
            "relations": sorted(update.relations),
        }
        yield actor_id, action, target_type, str(update.record.pk), changes, context.now
