"""`goglobal match_refit [--min-samples N] [--dry-run]`: refit the matcher's weights.

Fits the six score-part weights to referral outcomes (accepted / in progress / completed against
declined) over the stored suggestions' score parts, prints the old and new weights, and writes
``$GOGLOBAL_DATA_DIR/match-weights.json``, which the matching services read from then on.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from goglobal.engines.matching.rank import PARTS
from goglobal.matching.refit import weights_refit
from goglobal.matching.weights import weights_path


class Command(BaseCommand):
    help = "Refit the matcher's weights from referral outcomes and write them for the services."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--min-samples", type=int, default=30)
        parser.add_argument("--dry-run", action="store_true", help="print, do not write")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            old, refit = weights_refit(
                min_samples=options["min_samples"], write=not options["dry_run"]
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{refit.samples} samples, {refit.positives} good outcomes, log loss {refit.log_loss}"
        )
        self.stdout.write(f"{'part':<14}{'old':>8}{'new':>8}")
        for name in PARTS:
            self.stdout.write(
                f"{name:<14}{getattr(old, name):>8.3f}{getattr(refit.weights, name):>8.3f}"
            )
        if not options["dry_run"]:
            self.stdout.write(f"Written to {weights_path()}")
