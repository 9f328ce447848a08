"""Recompute the copies each case keeps for the pipeline's filters (docs/adr/0004)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from goglobal.cases.services.keys import case_keys_rebuild


class Command(BaseCommand):
    help = (
        "Recompute every case's copies of its enterprise (name, city, sector, needs, markets) "
        "and of its open work, after data was written around the services."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = case_keys_rebuild()
        self.stdout.write(f"cases refreshed: {total}")
