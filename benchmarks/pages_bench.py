"""Server time and query counts of the directory and profile pages on a large database.

Usage (PostgreSQL is the production database, so measure there):

    DATABASE_URL=postgres://goglobal:goglobal@127.0.0.1:5432/goglobal_bench \
        .venv/bin/python benchmarks/pages_bench.py --populate --enterprises 100000 --providers 20000

`--populate` wipes that database and fills it with the project's synthetic generator
(`goglobal demo --large`); leave it out to measure what is there. Each page is requested
`--requests` times in-process through Django's test client (full middleware, templates and
database; no network), after a warm-up. Prints p50, p95 and max server time in milliseconds and
the largest number of SQL queries per page. The target (issue 2): p95 ≤ 150 ms, and query
counts that do not grow with the data.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("GOGLOBAL_SSL_REDIRECT", "false")
os.environ.setdefault(
    "GOGLOBAL_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)


@dataclass
class Figures:
    name: str
    times_ms: list[float]
    queries: int

    def row(self) -> str:
        ordered = sorted(self.times_ms)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        return (
            f"{self.name:<34} {statistics.median(ordered):8.1f} {p95:8.1f} {ordered[-1]:8.1f}"
            f" {self.queries:8d}"
        )


def _measure(name: str, urls: Callable[[], str], client, requests: int) -> Figures:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        client.get(urls())
    times, most = [], 0
    for _ in range(requests):
        url = urls()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        times.append(elapsed)
        most = max(most, len(queries))
    return Figures(name, times, most)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--populate", action="store_true")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from goglobal.accounts.models import Role, User
    from goglobal.enterprises.models import Enterprise
    from goglobal.providers.models import Investor, ServiceProvider

    if args.populate:
        started = time.perf_counter()
        call_command(
            "demo",
            "--large",
            "--no-serve",
            "--yes-wipe",
            "--enterprises",
            str(args.enterprises),
            "--providers",
            str(args.providers),
        )
        print(f"populated in {time.perf_counter() - started:.1f} s")
    else:
        call_command("migrate", verbosity=0)
    officer, _ = User.objects.get_or_create(
        email="bench-officer@example.hk", defaults={"role": Role.OFFICER}
    )
    client = Client()
    # Staff reach no page before the second step: sign in as a staff member would.
    from goglobal.accounts.testing import login_with_second_factor

    login_with_second_factor(client, officer)
    # As goglobal.config.wsgi does in production: start-up objects leave the collector's sight.
    import goglobal.config.wsgi  # noqa: F401

    client.cookies["goglobal_language"] = "zh-hans"

    enterprise_ids = list(Enterprise.objects.values_list("pk", flat=True))
    provider_ids = list(ServiceProvider.objects.values_list("pk", flat=True))
    investor_ids = list(Investor.objects.values_list("pk", flat=True))
    rng = random.Random(2026)
    pages: list[tuple[str, Callable[[], str]]] = [
        ("directory", lambda: "/directory/"),
        ("directory, page 40", lambda: "/directory/?page=40"),
        (
            "directory, need+market+language",
            lambda: "/directory/?need=legal.setup&market=SG&language=en",
        ),
        (
            "directory, name search (Trad.)",
            lambda: "/directory/?q=" + rng.choice(["律師", "銀行", "物流", "會計"]),
        ),
        ("provider profile", lambda: f"/directory/providers/{rng.choice(provider_ids)}/"),
        ("investors", lambda: "/directory/investors/"),
        ("investor profile", lambda: f"/directory/investors/{rng.choice(investor_ids)}/"),
        ("enterprises (officer)", lambda: "/enterprises/"),
        (
            "enterprises, need+market filter",
            lambda: "/enterprises/?need=fundraising.ipo&market=asean",
        ),
        (
            "enterprises, name search",
            lambda: "/enterprises/?q=" + rng.choice(["科技", "电池", "國際", "shanghai"]),
        ),
        ("enterprise profile", lambda: f"/enterprises/{rng.choice(enterprise_ids)}/"),
    ]
    print(
        f"database: {connection.vendor}; enterprises {len(enterprise_ids):,}; "
        f"providers {len(provider_ids):,}; investors {Investor.objects.count():,}; "
        f"{args.requests} requests per page"
    )
    print(f"{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    if not investor_ids:
        pages = [page for page in pages if page[0] != "investor profile"]
    for name, url in pages:
        print(_measure(name, url, client, args.requests).row())
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
