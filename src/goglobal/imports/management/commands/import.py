# ruff: noqa: N999 - the command is named after what it does: ``goglobal import``
"""``goglobal import enterprises FILE [--dry-run] [--mapping NAME]``: the same import as the web
upload; with ``--mapping`` a file in another layout is first rewritten in our columns and codes
by a saved mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.core.errors import DomainError
from goglobal.imports import services
from goglobal.imports.kinds import KINDS
from goglobal.imports.models import ImportStatus, SavedMapping
from goglobal.imports.saved_mappings import saved_mapping_apply
from goglobal.imports.services import file_format_of
from goglobal.imports.tables import TableError


class Command(BaseCommand):
    help = "Import enterprises, providers or investors from a CSV or XLSX file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, but change nothing."
        )
        parser.add_argument(
            "--link-duplicates",
            action="store_true",
            help="A row with the code of an enterprise on file updates it instead of failing.",
        )
        parser.add_argument(
            "--mapping",
            metavar="NAME",
            help="A saved mapping of this kind for a file in another layout (its source's).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open("rb") as handle:
                upload = File(handle, name=path.name)
                if options["mapping"]:
                    upload = self._mapped(options["kind"], options["mapping"], path, handle)
                job = services.import_job_create(
                    actor=None,
                    kind=options["kind"],
                    upload=upload,
                    dry_run=options["dry_run"],
                    run_in_background=False,
                    link_duplicates=options["link_duplicates"],
                )
        except DomainError as error:
            raise CommandError(error.message) from error
        job = services.import_run(job=job)
        for problem in job.errors:
            row = "-" if problem["row"] is None else problem["row"]
            self.stderr.write(f"row {row}, column {problem['column'] or '-'}: {problem['message']}")
        if job.status != ImportStatus.SUCCEEDED:
            raise CommandError(
                f"Import job {job.pk} {job.status}: {len(job.errors)} errors, nothing changed.",
                returncode=1,
            )
        for warning in job.warnings:
            row = "-" if warning["row"] is None else warning["row"]
            self.stdout.write(f"row {row}, column {warning['column']}: {warning['message']}")
        prefix = "Dry run, nothing changed: would have " if job.dry_run else ""
        self.stdout.write(
            f"{prefix}{job.row_count} rows: {job.created_count} created, "
            f"{job.updated_count} updated, {job.unchanged_count} unchanged (job {job.pk})."
        )

    def _mapped(self, kind: str, name: str, path: Path, handle: Any) -> File[Any]:
        mapping = SavedMapping.objects.filter(kind=kind, name=name).first()
        if mapping is None:
            known = ", ".join(SavedMapping.objects.filter(kind=kind).values_list("name", flat=True))
            raise CommandError(
                f"No saved mapping “{name}” for {kind}." + (f" Saved: {known}." if known else "")
            )
        try:
            upload, left_out = saved_mapping_apply(mapping, handle, file_format_of(path.name))
        except TableError as error:
            raise CommandError(error.message) from error
        if left_out:
            self.stdout.write("Columns left out: " + ", ".join(left_out))
        return upload
