"""``goglobal export enterprises -o FILE.csv|FILE.xlsx``: the import format, for any kind."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.core.errors import DomainError
from goglobal.imports import selectors
from goglobal.imports.kinds import KINDS
from goglobal.imports.services import file_format_of
from goglobal.imports.tables import csv_write, xlsx_write


class Command(BaseCommand):
    help = "Export enterprises, providers or investors as CSV or XLSX, in the import format."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help="FILE.csv or FILE.xlsx; CSV on standard output if left out.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        header, rows = selectors.export_rows(kind=options["kind"])
        output: Path | None = options["output"]
        if output is None:
            csv_write(sys.stdout, header, rows)
            return
        try:
            file_format = file_format_of(output.name)
        except DomainError as error:
            raise CommandError(
                f"Give an output file ending in .csv or .xlsx, not {output}"
            ) from error
        if file_format == "xlsx":
            count = xlsx_write(str(output), header, rows)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = csv_write(handle, header, rows)
        self.stdout.write(f"{count} {options['kind']} written to {output}.")
