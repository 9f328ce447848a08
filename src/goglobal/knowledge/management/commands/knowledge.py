from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from goglobal.knowledge.services import reference_data_load


class Command(BaseCommand):
    help = "Reference data: `knowledge load` (re)loads the shipped files, updating in place."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])

    def handle(self, *args: Any, **options: Any) -> None:
        counts = reference_data_load()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
