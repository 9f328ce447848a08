"""Roadmaps through the platform: one roadmap, its PDF, and regenerating every roadmap.

Usage:

    .venv/bin/python benchmarks/roadmaps_bench.py --enterprises 10000 --pdfs 10
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/roadmaps_bench.py --enterprises 10000

Without DATABASE_URL it works in a fresh SQLite database in a temporary folder. It migrates,
loads the knowledge base, writes ``--enterprises`` synthetic enterprises with the project's
generator (``goglobal demo --large``), gives each the demo's roadmap figures, and generates each
one's first roadmap through ``services.roadmap_generate`` (database reads and the stored
version included), timing each. Then it renders ``--pdfs`` roadmaps as PDF in each of the three
languages, and finally regenerates every roadmap as the background job does
(``roadmaps_regenerate_task``, run inline), storing a new version of each. Prints one JSON
object. Targets (issue 12): one roadmap ≤ 200 ms, the PDF ≤ 2 s, all 10,000 ≤ 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("GOGLOBAL_SSL_REDIRECT", "false")
os.environ.setdefault("GOGLOBAL_TASKS_BACKEND", "immediate")
if not os.environ.get("DATABASE_URL"):
    os.environ["GOGLOBAL_DATA_DIR"] = tempfile.mkdtemp(prefix="roadmaps-bench-")


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * len(ordered)))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def _profile_one() -> None:
    """With --profile: where one roadmap's time goes (cProfile, top 25 by cumulative time)."""
    import cProfile
    import pstats

    from goglobal.enterprises.models import Enterprise
    from goglobal.roadmaps import services

    enterprise = Enterprise.objects.order_by("pk").first()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        services.roadmap_generate(actor=None, enterprise=enterprise)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)

    from goglobal.roadmaps.models import Roadmap
    from goglobal.roadmaps.pdf import roadmap_pdf

    roadmap = Roadmap.objects.order_by("pk").first()
    profiler = cProfile.Profile()
    profiler.enable()
    roadmap_pdf(roadmap, user=None, language="zh-hans")
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--pdfs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--profile", action="store_true", help="Profile one roadmap too.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from goglobal.enterprises.models import Enterprise
    from goglobal.roadmaps import services
    from goglobal.roadmaps.demo import _years
    from goglobal.roadmaps.models import Roadmap
    from goglobal.roadmaps.pdf import roadmap_pdf
    from goglobal.roadmaps.tasks import roadmaps_regenerate_task

    call_command("migrate", interactive=False, verbosity=0)
    call_command("knowledge", "load", verbosity=0)
    started = time.perf_counter()
    call_command(
        "demo",
        "--large",
        "--keep-database",
        "--no-serve",
        "--no-accounts",
        "--enterprises",
        str(args.enterprises),
        "--providers",
        "200",
        "--seed",
        str(args.seed),
        verbosity=0,
    )
    populate_s = time.perf_counter() - started

    first: list[float] = []
    for enterprise in Enterprise.objects.select_related("sector").order_by("pk").iterator():
        rng = random.Random(f"{args.seed}:{enterprise.pk}")
        years, cap, stage = _years(rng, enterprise)
        services.figures_save(
            actor=None,
            enterprise=enterprise,
            seen_version=None,
            data=services.FiguresInput(
                expected_market_cap=Decimal(cap),
                market_cap_currency="HKD",
                core_product_stage=stage,
                financials=years,
            ),
        )
        tick = time.perf_counter()
        services.roadmap_generate(actor=None, enterprise=enterprise)
        first.append(time.perf_counter() - tick)

    if args.profile:
        _profile_one()

    pdf_times: dict[str, list[float]] = {"en": [], "zh-hans": [], "zh-hant": []}
    pdf_cpu: list[float] = []
    sample = list(Roadmap.objects.select_related("enterprise").order_by("pk")[: args.pdfs])
    for roadmap in sample:
        for language, times in pdf_times.items():
            tick, cpu = time.perf_counter(), time.process_time()
            roadmap_pdf(roadmap, user=None, language=language)
            times.append(time.perf_counter() - tick)
            pdf_cpu.append(time.process_time() - cpu)

    tick = time.perf_counter()
    counts = roadmaps_regenerate_task.enqueue(only_if_changed=False).return_value
    regenerate_s = time.perf_counter() - tick

    sizes = [len(json.dumps(r)) for r in Roadmap.objects.values_list("result", flat=True)[:200]]
    print(
        json.dumps(
            {
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
                "database": connection.vendor,
                "enterprises": args.enterprises,
                "populate_s": round(populate_s, 1),
                "first_roadmap": _ms(first),
                "pdf": {language: _ms(times) for language, times in pdf_times.items()},
                # CPU time of this process alone: what a PDF costs when the machine is busy.
                "pdf_cpu": _ms(pdf_cpu),
                "load_average": os.getloadavg(),
                "regenerate_all": {"counts": counts, "seconds": round(regenerate_s, 1)},
                "stored_roadmap_json_kb_median": round(statistics.median(sizes) / 1024, 1),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
