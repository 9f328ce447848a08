from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.core.errors import DomainError
from goglobal.knowledge import selectors
from goglobal.knowledge.services import reference_data_load
from goglobal.knowledge.services.exchange import knowledge_export, knowledge_import
from goglobal.knowledge.services.indicators import IndicatorFileError, indicator_file_import


class Command(BaseCommand):
    help = (
        "Reference data: `knowledge load` (re)loads the shipped files, updating in place; "
        "`knowledge indicators FILE...` imports World Bank CSV files; `knowledge export FILE` "
        "and `knowledge import FILE` write and read every fact as JSON; `knowledge stale` lists "
        "facts not checked recently."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("load", help="(Re)load the shipped data files.")
        indicators = actions.add_parser("indicators", help="Import World Bank CSV files.")
        indicators.add_argument("files", nargs="+", type=Path)
        indicators.add_argument(
            "--indicator", default="", help="Indicator code (long layout: default from file name)."
        )
        export = actions.add_parser("export", help="Write every fact to a JSON file.")
        export.add_argument("file", type=Path)
        load_json = actions.add_parser("import", help="Read a JSON file written by export.")
        load_json.add_argument("file", type=Path)
        stale = actions.add_parser("stale", help="List facts not checked for MONTHS months.")
        stale.add_argument("--months", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "load":
                self._print(reference_data_load())
            elif action == "indicators":
                self._indicators(options["files"], options["indicator"])
            elif action == "export":
                self._print(knowledge_export(path=options["file"]))
            elif action == "import":
                self._print(knowledge_import(path=options["file"]))
            else:
                for fact in selectors.stale_fact_list(months=options["months"]):
                    self.stdout.write(f"{fact.checked_on}  {fact.kind}  {fact.record}")
        except DomainError as error:
            raise CommandError(error.message) from error

    def _indicators(self, files: list[Path], indicator: str) -> None:
        failed = False
        for path in files:
            try:
                result = indicator_file_import(path=path, indicator=indicator)
            except IndicatorFileError as error:
                failed = True
                self.stderr.write(f"{path}:")
                for problem in error.problems:
                    self.stderr.write(f"  {problem}")
                continue
            self.stdout.write(
                f"{path.name}: {result.layout} layout, {', '.join(result.indicators)}: "
                f"{result.rows} values, {result.created} new, {result.changed} changed, "
                f"{result.unchanged} unchanged"
            )
        if failed:
            raise CommandError("Some files were not imported; nothing was written for them.")

    def _print(self, counts: dict[str, int]) -> None:
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
