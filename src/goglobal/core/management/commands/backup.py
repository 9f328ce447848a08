"""``goglobal backup PATH``: the database and the uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from goglobal.core.backups import backup_write
from goglobal.core.errors import DomainError


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one archive (.tar.gz)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_write(path=options["path"])
        except DomainError as error:
            raise CommandError(error.message) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            _("Backup written to %(path)s: %(tables)s tables, %(rows)s rows.")
            % {"path": options["path"], "tables": len(manifest["tables"]), "rows": rows}
        )
