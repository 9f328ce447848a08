"""Server time of the impact dashboard and of single KPI breakdowns on a large database.

Usage (PostgreSQL, as in production):

    DATABASE_URL=postgres://goglobal:goglobal@127.0.0.1:5432/goglobal_kpi_bench \
        .venv/bin/python benchmarks/kpi_bench.py --populate --requests 30

`--populate` fills the database as `benchmarks/cases_bench.py --populate` does (100,000
enterprises, 20,000 providers, 100,000 cases across every stage with their case events,
500,000 interactions, referrals, tasks), then writes outcomes by `COPY` for the cases past "in
progress" (one to three each, every kind, amounts in HKD, USD and a currency without a rate)
with confirmations (confirmed, disputed, waiting, unconfirmed), and runs `VACUUM ANALYZE`.
Then it measures, in-process through Django's test client signed in as an analyst after a
warm-up: the dashboard page computed afresh (cache off) and shared from the cache, the cache key
(the data's fingerprint), and single KPIs cut by one dimension each (every dimension once).
Prints p50, p95 and max in milliseconds. The target (issue 16): dashboard and any single
breakdown p95 ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("GOGLOBAL_SSL_REDIRECT", "false")
os.environ.setdefault("GOGLOBAL_LOG_LEVEL", "WARNING")
os.environ.setdefault(
    "GOGLOBAL_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

KINDS = [
    ("hk_entity_incorporated", 30),
    ("regional_hq", 10),
    ("treasury_centre", 5),
    ("rnd_hub", 5),
    ("supply_chain_centre", 5),
    ("funds_raised", 20),
    ("market_entered", 15),
    ("jobs_created", 25),
]
CONFIRMATIONS = [("confirmed", 55), ("disputed", 10), ("requested", 15), ("unconfirmed", 10)]
CONFIRMATIONS += [("no_contact", 5), ("not_requested", 5)]
MARKETS = ["VN", "TH", "MY", "SG", "ID", "SA", "AE", "DE", "BR", "MX"]


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([v for v, _w in weighted], [w for _v, w in weighted])[0]


def populate_outcomes(seed: int = 2026) -> int:
    from cases_bench import _copy

    from goglobal.cases.models import Case, Outcome
    from goglobal.knowledge.models import Country

    rng = random.Random(seed)
    countries = dict(Country.objects.filter(code__in=MARKETS).values_list("code", "pk"))
    now = datetime.datetime.now(datetime.UTC)
    cases = Case.objects.filter(
        stage__in=["in_progress", "landed_hk", "expanded_abroad", "dormant", "closed"]
    ).values_list("pk", "owner_id")

    planned = list(cases)  # read before the COPY starts: a connection does one at a time

    def rows() -> Iterator[Sequence[Any]]:
        for case_id, owner in planned:
            for _ in range(rng.randint(1, 3)):
                kind = _pick(rng, KINDS)
                state = _pick(rng, CONFIRMATIONS)
                achieved = (now - datetime.timedelta(days=rng.randint(1, 700))).date()
                sent = now - datetime.timedelta(days=rng.randint(1, 60))
                funds = kind == "funds_raised"
                yield (
                    now,
                    now,
                    case_id,
                    kind,
                    achieved,
                    rng.choice([50, 120, 800, 3000]) * 1_000_000 if funds else None,
                    rng.choice(["HKD", "HKD", "USD", "EUR"]) if funds else "",
                    rng.choice(["ipo", "private", "debt"]) if funds else "",
                    countries[rng.choice(MARKETS)] if kind == "market_entered" else None,
                    rng.randint(3, 150) if kind == "jobs_created" else None,
                    "",
                    owner,
                    state,
                    None,
                    sent if state not in {"not_requested", "no_contact"} else None,
                    2 if state == "unconfirmed" else 1,
                    "",
                    sent + datetime.timedelta(days=3)
                    if state in {"confirmed", "disputed"}
                    else None,
                    "数字有误" if state == "disputed" else "",
                    rng.randint(1, 5) if state in {"confirmed", "disputed"} else None,
                )

    columns = [
        "created_at", "updated_at", "case_id", "kind", "achieved_on", "amount",
        "currency", "route", "country_id", "jobs", "notes", "recorded_by_id", "confirmation",
        "confirmation_contact_id", "confirmation_sent_at", "confirmation_sends",
        "confirmation_nonce", "confirmation_answered_at", "confirmation_comment",
        "confirmation_rating",
    ]  # fmt: skip
    return _copy(Outcome._meta.db_table, columns, rows())


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"p50 {statistics.median(ordered):7.1f}  p95 {p95:7.1f}  max {ordered[-1]:7.1f} ms"


def _time(name: str, call: Callable[[], Any], requests: int) -> float:
    call()  # warm-up
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        samples.append(1000 * (time.perf_counter() - started))
    print(f"{name:42} {_percentiles(samples)}")
    return sorted(samples)[max(0, round(0.95 * len(samples)) - 1)]


def _writes(requests: int) -> None:
    """What the rollup adds to a write: a case moved to its next stage and an outcome's jobs
    corrected, each in a transaction rolled back afterwards (the data stay as they were), with
    the rollup kept in step and with it switched off (``GOGLOBAL_KPI_ROLLUP``)."""
    from django.db import transaction
    from django.test import override_settings

    from goglobal.accounts.models import Role, User
    from goglobal.analytics.rollup import is_built
    from goglobal.cases import rules
    from goglobal.cases.models import Case, Outcome
    from goglobal.cases.services.cases import case_move
    from goglobal.cases.services.confirmations import OutcomeChanges, outcome_update

    officer, _ = User.objects.get_or_create(
        email="bench-officer@example.hk", defaults={"role": Role.OFFICER}
    )

    def cases() -> list[Case]:  # read afresh each time: a write changes the objects it is given
        return list(Case.objects.filter(stage=rules.PIPELINE[1]).order_by("pk")[:requests])

    def outcomes() -> list[Outcome]:
        jobs = Outcome.objects.filter(kind="jobs_created").select_related("case")
        return list(jobs.order_by("pk")[:requests])

    class _UndoError(Exception):
        pass

    def timed(write: Callable[[], Any]) -> float:
        started = time.perf_counter()
        try:
            with transaction.atomic():
                write()
                raise _UndoError
        except _UndoError:
            pass
        return 1000 * (time.perf_counter() - started)

    def move(case: Case) -> Callable[[], Any]:
        target = rules.PIPELINE[2]
        return lambda: case_move(case=case, target=target, actor=officer, seen_version=case.version)

    def correct(outcome: Outcome) -> Callable[[], Any]:
        outcome.recorded_by = outcome.recorded_by or officer  # COPY-written rows carry none
        changes = OutcomeChanges(achieved_on=outcome.achieved_on, jobs=(outcome.jobs or 0) + 1)
        return lambda: outcome_update(outcome=outcome, actor=officer, changes=changes)

    for label, enabled in (("rollup kept", True), ("rollup off", False)):
        with override_settings(GOGLOBAL_KPI_ROLLUP=enabled):
            if enabled and not is_built():
                print("the rollup is not built: run goglobal kpis_rollup --rebuild first")
                continue
            for name, writes in (
                ("case moved a stage", [move(c) for c in cases()]),
                ("outcome's jobs corrected", [correct(o) for o in outcomes()]),
            ):
                samples = [timed(write) for write in writes]
                print(f"{name + ', ' + label:42} {_percentiles(samples)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--populate", action="store_true")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--only", default="", help="measure only what contains this")
    parser.add_argument("--writes", type=int, default=0, help="also time N writes of each kind")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from goglobal.accounts.models import Role, User
    from goglobal.analytics.dashboard import quarter_to_date
    from goglobal.analytics.figures import kpi_report
    from goglobal.cases.models import Case, Outcome

    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database: the figures are for it.")
    if args.populate:
        from cases_bench import populate_cases

        started = time.perf_counter()
        call_command(
            "demo", "--large", "--no-serve", "--yes-wipe",
            "--enterprises", str(args.enterprises), "--providers", str(args.providers),
        )  # fmt: skip
        counts = populate_cases(cases=args.cases, interactions=args.interactions)
        counts["outcomes"] = populate_outcomes()
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM FULL {Case._meta.db_table}")
            cursor.execute("VACUUM ANALYZE")
        print(
            f"populated in {time.perf_counter() - started:.0f} s: "
            + ", ".join(f"{name} {n:,}" for name, n in counts.items())
        )
    else:
        call_command("migrate", verbosity=0)
    print(
        f"{Case.objects.count():,} cases, {Outcome.objects.count():,} outcomes, "
        f"PostgreSQL {connection.pg_version}"  # type: ignore[attr-defined]
    )
    analyst, _ = User.objects.get_or_create(
        email="bench-analyst@example.hk", defaults={"role": Role.ANALYST}
    )
    client = Client()
    # Staff reach no page before the second step: sign in as a staff member would.
    from goglobal.accounts.testing import login_with_second_factor

    login_with_second_factor(client, analyst)
    client.cookies["goglobal_language"] = "zh-hans"
    today = datetime.datetime.now(tz=datetime.UTC).date()
    quarter = quarter_to_date(today)
    worst = 0.0

    def page(url: str) -> Callable[[], Any]:
        def get() -> Any:
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        return get

    from django.test import override_settings

    from goglobal.analytics.dashboard import data_fingerprint

    def cold() -> Any:
        with override_settings(GOGLOBAL_IMPACT_CACHE_SECONDS=0):
            return page("/overview/impact/")()

    measured: list[tuple[str, Callable[[], Any], int]] = [
        ("dashboard, quarter to date, cold", cold, max(3, args.requests // 4)),
        ("dashboard, quarter to date, warm", page("/overview/impact/"), args.requests),
        ("data fingerprint (cache key)", data_fingerprint, args.requests),
    ]
    pairs = [
        ("enterprises.served", "city"), ("funds.total", "market"), ("jobs.created", "province"),
        ("referrals.made", "provider_category"), ("outcomes.hk_entity", "mechanism"),
        ("landed.hk", "officer"), ("markets.entered", "market"),
        ("conversion.qualified", "section"),
        ("events.meeting_outcomes", "event"), ("cases.in_stage", "stage"),
        ("functions.regional_hq", "division"), ("referrals.answer_days", "origin"),
        ("funds.ipo", "period"),
    ]  # fmt: skip
    for code, dimension in pairs:
        measured.append(
            (f"{code} by {dimension}, quarter",
             lambda c=code, d=dimension: kpi_report(period=quarter, by=d, codes=[c]),
             args.requests),
        )  # fmt: skip
    for name, call, requests in measured:
        if args.only in name:
            worst = max(worst, _time(name, call, requests))
    print(f"quarter {quarter.start}..{quarter.end}; worst p95 {worst:.0f} ms")
    if args.writes:
        _writes(args.writes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
