"""Email each officer the tasks due today and the referrals waiting for an answer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from goglobal.cases.tasks import case_digest_send_task


class Command(BaseCommand):
    help = "Send the officers' daily digest (printed to the console in the embedded default)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = case_digest_send_task.enqueue()
        self.stdout.write(f"digest enqueued: {result.id}")
