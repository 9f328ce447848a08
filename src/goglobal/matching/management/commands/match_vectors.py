"""``goglobal match_vectors``: encode every provider and enterprise profile whose vector is
missing or stale (after a bulk import or a model upgrade). Saves through the services already
schedule this one profile at a time; this is the batch form, safe to rerun."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from goglobal.enterprises.models import Enterprise
from goglobal.matching.models import ProfileVector
from goglobal.matching.vectors import profile_vector_refresh
from goglobal.providers.models import ServiceProvider


class Command(BaseCommand):
    help = "Encode the profile vectors that are missing or stale."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        for kind, model in (
            (ProfileVector.Kind.PROVIDER, ServiceProvider),
            (ProfileVector.Kind.ENTERPRISE, Enterprise),
        ):
            started = time.perf_counter()
            ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
            encoded = 0
            for start in range(0, len(ids), options["batch"]):
                encoded += profile_vector_refresh(
                    kind=kind, object_ids=ids[start : start + options["batch"]]
                )
            seconds = time.perf_counter() - started
            self.stdout.write(f"{kind}: {encoded} of {len(ids)} encoded in {seconds:.1f} s")
