"""`goglobal match --enterprise ID [--need CODE] [--market CC]`: ranked providers as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.enterprises.models import Enterprise
from goglobal.matching import services
from goglobal.matching.reasons import ReasonText


class Command(BaseCommand):
    help = "Rank Hong Kong providers for an enterprise's needs and print them as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enterprise", type=int, required=True)
        parser.add_argument("--need", help="one need code; default: every need of the enterprise")
        parser.add_argument("--market", default="", help="ISO 3166 alpha-2 code")
        parser.add_argument("--limit", type=int, default=5)

    def handle(self, *args: Any, **options: Any) -> None:
        enterprise = Enterprise.objects.filter(
            pk=options["enterprise"], deleted_at__isnull=True
        ).first()
        if enterprise is None:
            raise CommandError(f"No enterprise with id {options['enterprise']}.")
        rows = enterprise.needs.select_related("need")
        if options["need"]:
            rows = rows.filter(need__code=options["need"])
            if not rows:
                raise CommandError(f"The enterprise has no need {options['need']!r}.")
        writer = ReasonText()
        result = {}
        for row in rows:
            suggestions = services.match_suggest(
                enterprise=enterprise,
                need=row.need,
                actor=None,
                market=options["market"].upper(),
                limit=options["limit"],
            )
            result[row.need.code] = [
                {
                    "rank": s.rank,
                    "provider": s.provider_id,
                    "name": str(s.provider),
                    "score": s.score,
                    "reasons": [
                        {"code": code, "params": params, "text": writer.describe(code, params)}
                        for code, params in s.reasons
                    ],
                }
                for s in suggestions
            ]
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
