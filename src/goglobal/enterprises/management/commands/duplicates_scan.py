"""``goglobal duplicates_scan``: compare every enterprise with the others, rebuild the identity
keys and keep the pairs judged one enterprise for the officers' review (Enterprises →
Possible duplicates). ``--background`` enqueues the same work as a background job."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from goglobal.enterprises.identity import duplicates_scan
from goglobal.enterprises.tasks import duplicates_scan_task


class Command(BaseCommand):
    help = "Find possible duplicate enterprises (names across scripts) for review."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--background", action="store_true", help="enqueue as a job")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["background"]:
            transaction.on_commit(lambda: duplicates_scan_task.enqueue())
            self.stdout.write("queued")
            return
        started = time.perf_counter()
        result = duplicates_scan()
        self.stdout.write(
            f"{result.enterprises} enterprises, {result.pairs} pairs judged one enterprise "
            f"({result.opened} new, {result.closed} no longer found) in "
            f"{time.perf_counter() - started:.1f} s"
        )
