"""``goglobal restore PATH``: replace the database and the uploaded files with an archive's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from goglobal.core.backups import backup_restore
from goglobal.core.errors import DomainError


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--noinput", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interactive"]:
            answer = input(
                _("This replaces the whole database and every uploaded file. Type “yes” to go on: ")
            )
            if answer.strip().lower() != "yes":
                raise CommandError(_("Nothing was restored."))
        try:
            manifest = backup_restore(path=options["path"])
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            _("Restored %(path)s (written %(created)s): every table holds its %(rows)s rows.")
            % {
                "path": options["path"],
                "created": manifest["created_at"],
                "rows": sum(manifest["tables"].values()),
            }
        )
