"""Time the demo generator: the demo set and the large synthetic set, on the configured database.

    SECRET_KEY=x DATABASE_URL=... python benchmarks/demo_generate.py \\
        --enterprises 100000 --providers 20000

It empties the configured database first (``goglobal demo --yes-wipe`` semantics), so point it at
a scratch database. Prints seconds and peak resident memory for each step.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

import django


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
    django.setup()
    from django.core.management import call_command

    from goglobal.demo.load import DemoSize, demo_set_create
    from goglobal.demo.synthetic import synthetic_write

    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("knowledge", "load", verbosity=0)
    results = []
    for name, action in (
        ("demo set (services)", lambda: demo_set_create(seed=args.seed, size=DemoSize())),
        (
            f"synthetic {args.enterprises:,} + {args.providers:,} (bulk)",
            lambda: synthetic_write(
                seed=args.seed, enterprises=args.enterprises, providers=args.providers
            ),
        ),
    ):
        started = time.perf_counter()
        action()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results.append((name, time.perf_counter() - started, peak))
    from django.db import connection

    print(f"database: {connection.vendor}")
    for name, seconds, peak in results:
        print(f"{name:<45} {seconds:7.1f} s   peak RSS {peak:6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
