"""``goglobal match_index``: build the matcher's provider index from the database and save it to
``GOGLOBAL_MATCH_INDEX_FILE``, so that web and worker processes read it at start instead of
each building it on its first suggestion request (docs/matching.md). Run after a deploy, a bulk
import or a restore; safe to rerun."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from goglobal.matching import index_cache


class Command(BaseCommand):
    help = "Build the matcher's provider index and save it for the processes to read."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.GOGLOBAL_MATCH_INDEX_FILE:
            raise CommandError("GOGLOBAL_MATCH_INDEX_FILE is empty: there is nowhere to save it.")
        started = time.perf_counter()
        index = index_cache.rebuild()
        path = Path(settings.GOGLOBAL_MATCH_INDEX_FILE)
        if not path.exists():
            raise CommandError(f"The index was built but could not be saved to {path}.")
        self.stdout.write(
            f"{len(index)} providers indexed in {time.perf_counter() - started:.1f} s;"
            f" saved to {path} ({path.stat().st_size / 1e6:.1f} MB)"
        )
