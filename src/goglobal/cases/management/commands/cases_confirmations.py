"""Send unanswered outcome confirmations once more, then mark them unconfirmed (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from goglobal.cases.tasks import outcome_confirmations_chase_task


class Command(BaseCommand):
    help = (
        "Re-send each outcome confirmation whose link expired unanswered, once; mark those "
        "unanswered after the second link unconfirmed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = outcome_confirmations_chase_task.enqueue()
        self.stdout.write(f"confirmations enqueued: {result.id}")
