"""``goglobal kpis_rollup``: rebuild the impact figures' daily rollup, or check it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.analytics.rollup import rollup_differences, rollup_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the daily rollup of the impact figures from the source tables (--rebuild), "
        "or check that every figure it gives equals the direct count (--check)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="count it afresh")
        parser.add_argument("--check", action="store_true", help="compare with the direct count")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["rebuild"] and not options["check"]:
            raise CommandError("give --rebuild, --check or both")
        if options["rebuild"]:
            build = rollup_rebuild()
            self.stdout.write(f"rollup rebuilt: {build.cases} cases in {build.seconds} s")
        if options["check"]:
            differences = rollup_differences()
            for line in differences:
                self.stdout.write(line)
            if differences:
                raise CommandError(f"{len(differences)} figures differ from the direct count")
            self.stdout.write("rollup equals the direct count for every figure it holds")
