"""``goglobal kpis``: the KPI catalogue's figures, recorded and confirmed, as JSON or a table."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.analytics import docs
from goglobal.analytics.catalogue import DIMENSIONS, catalogue
from goglobal.analytics.figures import Period, Scope, kpi_report


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {text!r}") from error


class Command(BaseCommand):
    help = "Print the KPI catalogue's figures for a period, optionally cut by one dimension."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", help="first day counted (YYYY-MM-DD)")
        parser.add_argument("--to", dest="end", help="last day counted (YYYY-MM-DD)")
        parser.add_argument("--by", choices=sorted(DIMENSIONS), help="cut every KPI by this")
        parser.add_argument(
            "--scope", metavar="DIMENSION=VALUE", help="only this slice, e.g. mechanism=hk-sh"
        )
        parser.add_argument("--kpi", action="append", help="only this KPI (repeatable)")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--catalogue", action="store_true", help="print the catalogue as Markdown"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["catalogue"]:
            self.stdout.write(docs.catalogue_markdown())
            return
        start = _date(options["start"]) if options["start"] else None
        end = _date(options["end"]) if options["end"] else None
        if start and end and end < start:
            raise CommandError("--to is before --from")
        scope = None
        if options["scope"]:
            dimension, _sep, value = options["scope"].partition("=")
            if dimension not in DIMENSIONS or not value:
                raise CommandError(
                    f"--scope takes DIMENSION=VALUE with one of {sorted(DIMENSIONS)}"
                )
            scope = Scope(dimension, value)
        unknown = set(options["kpi"] or ()) - set(catalogue())
        if unknown:
            raise CommandError(f"unknown KPI: {', '.join(sorted(unknown))}")
        report = kpi_report(
            period=Period(start, end), by=options["by"], scope=scope, codes=options["kpi"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            return
        kinds = catalogue()
        for code, figure in report.kpis.items():
            confirmed = "" if figure.confirmed is None else f"  (confirmed {figure.confirmed})"
            self.stdout.write(f"{code:32} {figure.recorded!s:>14}{confirmed}  {kinds[code].unit}")
            for key, group in sorted(figure.by.items()):
                self.stdout.write(f"    {key:28} {group['recorded']!s:>14}")
        for currency, count in report.missing_rates.items():
            self.stdout.write(f"no HKD rate for {currency}: {count} outcome(s) not converted")
