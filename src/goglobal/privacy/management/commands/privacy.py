"""``goglobal privacy retention [--dry-run] [--background]``: the retention rule
(docs/privacy.md)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.privacy.retention import retention_run
from goglobal.privacy.tasks import privacy_retention_task


class Command(BaseCommand):
    help = (
        "Personal data jobs. retention: anonymise contacts of cases closed more than N years ago."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("job", choices=["retention"])
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be anonymised, change nothing"
        )
        parser.add_argument(
            "--background", action="store_true", help="enqueue the job for a worker instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["job"] != "retention":  # pragma: no cover - argparse refuses others
            raise CommandError("unknown job")
        if options["background"]:
            result = privacy_retention_task.enqueue(dry_run=options["dry_run"])
            self.stdout.write(f"retention enqueued: {result.id}")
            return
        outcome = retention_run(dry_run=options["dry_run"])
        if outcome.years <= 0:
            self.stdout.write("retention: off (GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS=0)")
            return
        verb = "would anonymise" if outcome.dry_run else "anonymised"
        cutoff = outcome.cutoff.date().isoformat() if outcome.cutoff else ""
        self.stdout.write(
            f"retention: {verb} {outcome.contacts} contacts of {outcome.enterprises} enterprises "
            f"whose cases closed before {cutoff}"
        )
        self.stdout.write(json.dumps(outcome.as_dict()))
