"""``goglobal import_mapping KIND FILE --name NAME [--column H=C] [--value C=TEXT=CODE] [--save]``:
propose a mapping of a file in another layout onto an import kind, and save it for
``goglobal import KIND FILE --mapping NAME``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.core.errors import DomainError
from goglobal.imports.kinds import KINDS
from goglobal.imports.mapping import (
    CODED,
    column_suggestions,
    distinct_values,
    value_suggestions,
)
from goglobal.imports.saved_mappings import saved_mapping_save
from goglobal.imports.services import file_format_of
from goglobal.imports.tables import TableError, table_rows

VALUES_SHOWN = 200


def _pair(text: str, form: str) -> list[str]:
    parts = form.count("=") + 1
    pieces = text.split("=", parts - 1)
    if len(pieces) != parts:
        raise CommandError(f"“{text}” is not of the form {form}.")
    return [piece.strip() for piece in pieces]


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    if not path.is_file():
        raise CommandError(f"No such file: {path}")
    try:
        with path.open("rb") as handle:
            rows = table_rows(handle, file_format_of(path.name))
            _number, header = next(rows, (1, []))
            return header, [cells for _number, cells in rows if any(cells)]
    except (TableError, DomainError) as error:
        raise CommandError(error.message) from error


def _columns(kind: str, header: list[str], overrides: list[str]) -> dict[int, str]:
    columns = {
        s.position: s.column for s in column_suggestions(kind, header) if s.column is not None
    }
    for text in overrides:
        name, column = _pair(text, "HEADER=COLUMN")
        if name not in header:
            raise CommandError(f"The file has no header “{name}”.")
        position = header.index(name)
        columns = {p: c for p, c in columns.items() if p != position and c != column}
        if column:
            columns[position] = column
    return columns


class Command(BaseCommand):
    help = "Propose (and with --save keep) a mapping of a file in another layout."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file", type=Path)
        parser.add_argument("--name", required=True, help="The mapping's name, for --mapping.")
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="HEADER=COLUMN",
            help="Map a header to a column (an empty COLUMN leaves the header out).",
        )
        parser.add_argument(
            "--value",
            action="append",
            default=[],
            metavar="COLUMN=TEXT=CODE",
            help="Map a cell's text in a coded column to a code.",
        )
        parser.add_argument("--save", action="store_true", help="Keep the mapping.")

    def handle(self, *args: Any, **options: Any) -> None:
        kind: str = options["kind"]
        header, data = _read(options["file"])
        columns = _columns(kind, header, options["column"])
        chosen: dict[str, dict[str, str]] = {}
        for text in options["value"]:
            column, value, code = _pair(text, "COLUMN=TEXT=CODE")
            chosen.setdefault(column, {})[value] = code
        for position, text in enumerate(header):
            self.stdout.write(f"{text or '(empty)'} → {columns.get(position, '(left out)')}")
        values = self._values(kind, data, columns, chosen)
        unmapped = sorted(set(chosen) - set(values))
        if unmapped:
            raise CommandError(f"No coded column of the file is mapped to {', '.join(unmapped)}.")
        if not options["save"]:
            self.stdout.write("Nothing saved (add --save to keep this mapping).")
            return
        try:
            mapping = saved_mapping_save(
                actor=None,
                kind=kind,
                name=options["name"],
                header=header,
                columns=columns,
                values=values,
            )
        except ValidationError as error:
            problems = "; ".join(m for ms in error.message_dict.values() for m in ms)
            raise CommandError(problems) from error
        self.stdout.write(f"Saved mapping “{mapping.name}” for {kind}.")

    def _values(
        self,
        kind: str,
        data: list[list[str]],
        columns: dict[int, str],
        chosen: dict[str, dict[str, str]],
    ) -> dict[str, dict[str, str]]:
        """Suggested codes for each coded column's values, the chosen ones over them; every
        value printed with its code, or ``?``."""
        values: dict[str, dict[str, str]] = {}
        for position, column in sorted(columns.items()):
            coded = CODED[kind].get(column)
            if coded is None:
                continue
            found = distinct_values(data, position, coded.is_list, VALUES_SHOWN)
            suggested = value_suggestions(kind, column, found)
            picks = {v: c for v, c in suggested.items() if c is not None}
            picks.update(chosen.get(column, {}))
            values[column] = picks
            for value in found:
                self.stdout.write(f"  {column}: {value} → {picks.get(value, '?')}")
        return values
