"""Server time and query counts of the case pipeline and case pages on a large database.

Usage (PostgreSQL is the production database, so measure there):

    DATABASE_URL=postgres://goglobal:goglobal@127.0.0.1:5432/goglobal_cases_bench \
        .venv/bin/python benchmarks/cases_bench.py --populate --requests 100

`--populate` wipes that database, fills it with the project's synthetic generator
(`goglobal demo --large`: enterprises and providers), then bulk-writes cases across every stage
and a few officers, with interactions, referrals, tasks and case events, by `COPY` in streams
(memory stays flat), gives every case its filter copies (`case_keys_rebuild`), compacts the
cases table (`VACUUM FULL`) and runs `VACUUM ANALYZE`. Leave it out to measure what is there.
Each page is requested `--requests` times in-process through Django's test client (full middleware,
templates and database; no network), signed in as an officer, after a warm-up. Prints p50, p95
and max server time in milliseconds and the fewest and most SQL queries seen per page. The
target (issue 3): board and case page p95 ≤ 150 ms, query counts that do not grow with the data.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("GOGLOBAL_SSL_REDIRECT", "false")
os.environ.setdefault(
    "GOGLOBAL_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

# Share of cases per stage, in percent (a pipeline thins out towards its end).
STAGES = {
    "lead": 25,
    "qualified": 15,
    "needs_assessed": 15,
    "matched": 10,
    "in_progress": 12,
    "landed_hk": 5,
    "expanded_abroad": 3,
    "dormant": 8,
    "closed": 7,
}
ORDER = list(STAGES)
# The cases' filter copies, written empty and filled by case_keys_rebuild after the COPY.
COPY_COLUMNS = ["enterprise_name", "enterprise_city", "enterprise_sector", "enterprise_section"]
COPY_COLUMNS += ["filter_keys"]
BLANK_COPIES = ("", "", "", "", "[]")
OFFICERS = 6
SUMMARIES = [
    "与董事长及财务总监会面，讨论在香港设立区域总部的时间表。",
    "电话沟通：企业希望了解香港上市的保荐人选择和时间。",
    "Email exchange on opening corporate bank accounts in Hong Kong.",
    "企业参访香港科学园，了解研发中心选址。",
    "在大湾区出海论坛上交流东南亚市场准入经验。",
]
TASKS = ["发送上市流程资料", "Arrange a call with the bank", "跟进东盟市场准入咨询", "安排园区参观"]


@dataclass
class Figures:
    name: str
    times_ms: list[float]
    fewest: int
    most: int

    def row(self) -> str:
        ordered = sorted(self.times_ms)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        queries = str(self.most) if self.fewest == self.most else f"{self.fewest}–{self.most}"
        return (
            f"{self.name:<34} {statistics.median(ordered):8.1f} {p95:8.1f} {ordered[-1]:8.1f}"
            f" {queries:>8}"
        )


def _measure(name: str, urls: Callable[[], str], client: Any, requests: int) -> Figures:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        client.get(urls())
    times: list[float] = []
    counts: list[int] = []
    for _ in range(requests):
        url = urls()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        times.append(elapsed)
        counts.append(len(queries))
    return Figures(name, times, min(counts), max(counts))


# --- populating --------------------------------------------------------------------------


def _copy(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Stream ``rows`` into ``table`` with COPY; returns how many were written."""
    from django.db import connection

    written = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                written += 1
    return written


def _next_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
        return int(cursor.fetchone()[0])


def _reset_sequence(table: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )


def _sql(statement: str, params: Sequence[Any] = ()) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return int(cursor.rowcount)


def populate_cases(*, cases: int, interactions: int, seed: int = 2026) -> dict[str, int]:  # noqa: C901
    """Bulk-write ``cases`` cases and about ``interactions`` interactions, with their rows."""
    from django.db import transaction
    from django.utils import timezone

    from goglobal.accounts.models import Role, User
    from goglobal.cases.models import (
        Case,
        CaseEvent,
        Interaction,
        Referral,
        ReferralEvent,
        Task,
    )
    from goglobal.cases.services.keys import case_keys_rebuild
    from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
    from goglobal.providers.models import ServiceProvider

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    officers = [
        User.objects.get_or_create(
            email=f"bench-officer-{n}@example.hk",
            defaults={"role": Role.OFFICER, "full_name": f"Officer {n}"},
        )[0].pk
        for n in range(1, OFFICERS + 1)
    ]
    officers.append(
        User.objects.get_or_create(
            email="bench-officer@example.hk", defaults={"role": Role.OFFICER}
        )[0].pk
    )
    taken = set(Case.objects.values_list("enterprise_id", flat=True))
    enterprises = [
        pk
        for pk in Enterprise.objects.filter(deleted_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
        if pk not in taken
    ][: max(0, cases - len(taken))]
    providers = list(
        ServiceProvider.objects.filter(deleted_at__isnull=True).values_list("pk", flat=True)
    )
    needs: dict[int, list[int]] = {}
    for enterprise_id, need_id in EnterpriseNeed.objects.values_list("enterprise_id", "need_id"):
        needs.setdefault(enterprise_id, []).append(need_id)
    dict(Contact.objects.order_by("enterprise_id", "-id").values_list("enterprise_id", "id"))

    first_case = _next_id(Case._meta.db_table)
    stages = rng.choices(ORDER, weights=list(STAGES.values()), k=len(enterprises))
    per_case = interactions / max(1, len(enterprises))
    counts: dict[str, int] = {}

    @dataclass
    class Planned:
        pk: int
        enterprise: int
        stage: str
        owner: int | None
        updated: datetime.datetime

    def planned() -> Iterator[Planned]:
        plan = random.Random(seed + 1)
        for offset, (enterprise, stage) in enumerate(zip(enterprises, stages, strict=True)):
            owner = None if plan.random() < 0.1 else plan.choice(officers)
            updated = now - datetime.timedelta(minutes=plan.randrange(2 * 365 * 24 * 60))
            yield Planned(first_case + offset, enterprise, stage, owner, updated)

    def case_rows() -> Iterator[Sequence[Any]]:
        extra = random.Random(seed + 2)
        for case in planned():
            on = today + datetime.timedelta(days=extra.randint(-60, 60))
            yield (
                case.pk,
                case.updated - datetime.timedelta(days=extra.randint(1, 400)),
                case.updated,
                extra.randint(1, 9),
                case.enterprise,
                case.stage,
                case.owner,
                extra.choice(["high", "medium", "medium", "low"]),
                extra.choice(["event", "inbound", "mechanism", "outreach"]),
                "跟进香港上市咨询" if extra.random() < 0.5 else "",
                on if extra.random() < 0.5 else None,
                json.dumps(["GBA"] if extra.random() < 0.2 else []),
                "企业暂缓出海计划" if case.stage == "closed" else "",
                case.updated - datetime.timedelta(days=extra.randint(0, 200)),
                case.owner,
                *BLANK_COPIES,
            )

    with transaction.atomic():
        counts["cases"] = _copy(
            Case._meta.db_table,
            [
                "id",
                "created_at",
                "updated_at",
                "version",
                "enterprise_id",
                "stage",
                "owner_id",
                "priority",
                "origin",
                "next_action",
                "next_action_on",
                "tags",
                "closed_reason",
                "stage_changed_at",
                "updated_by_id",
                *COPY_COLUMNS,
            ],
            case_rows(),
        )

        first_interaction = _next_id(Interaction._meta.db_table)

        def interaction_rows() -> Iterator[Sequence[Any]]:
            mix = random.Random(seed + 3)
            pk = first_interaction
            for case in planned():
                for _ in range(_poisson_like(mix, per_case)):
                    occurred = case.updated - datetime.timedelta(days=mix.randint(0, 700))
                    yield (
                        pk,
                        occurred,
                        occurred,
                        case.pk,
                        mix.choice(["meeting", "call", "email", "visit", "event"]),
                        occurred.date(),
                        mix.choice(SUMMARIES),
                        case.owner or officers[0],
                    )
                    pk += 1

        counts["interactions"] = _copy(
            Interaction._meta.db_table,
            [
                "id",
                "created_at",
                "updated_at",
                "case_id",
                "kind",
                "occurred_on",
                "summary",
                "created_by_id",
            ],
            interaction_rows(),
        )
        table = Interaction._meta.db_table
        counts["interaction officers"] = _sql(
            f"INSERT INTO {Interaction.officers.through._meta.db_table} (interaction_id, user_id) "  # noqa: S608
            f"SELECT id, created_by_id FROM {table} WHERE id >= %s",
            [first_interaction],
        )
        counts["interaction contacts"] = _sql(
            f"INSERT INTO {Interaction.contacts.through._meta.db_table} (interaction_id, contact_id) "  # noqa: E501, S608
            f"SELECT i.id, MIN(c.id) FROM {table} i JOIN {Case._meta.db_table} k ON k.id = i.case_id "  # noqa: E501
            f"JOIN {Contact._meta.db_table} c ON c.enterprise_id = k.enterprise_id "
            "WHERE i.id >= %s AND i.id %% 3 = 0 GROUP BY i.id",
            [first_interaction],
        )
        counts["interaction providers"] = _sql(
            f"INSERT INTO {Interaction.providers.through._meta.db_table} "  # noqa: S608
            "(interaction_id, serviceprovider_id) "
            f"SELECT i.id, (%s::bigint[])[1 + (i.id * 7919) %% %s] FROM {table} i "
            "WHERE i.id >= %s AND i.id %% 5 = 0",
            [providers, len(providers), first_interaction],
        )

        first_referral = _next_id(Referral._meta.db_table)
        statuses = ["proposed", "sent", "accepted", "declined", "in_progress", "completed"]

        def referral_rows() -> Iterator[Sequence[Any]]:
            mix = random.Random(seed + 4)
            pk = first_referral
            for case in planned():
                if ORDER.index(case.stage) < ORDER.index("matched") or not needs.get(
                    case.enterprise
                ):
                    continue
                for provider in mix.sample(providers, mix.randint(1, 4)):
                    created = case.updated - datetime.timedelta(days=mix.randint(0, 300))
                    status = mix.choice(statuses)
                    sent = None if status == "proposed" else created
                    yield (
                        pk,
                        created,
                        created,
                        1,
                        case.pk,
                        mix.choice(needs[case.enterprise]),
                        provider,
                        status,
                        "请协助企业评估香港上市路径。",
                        "",
                        "",
                        "",
                        sent,
                        created + datetime.timedelta(days=3)
                        if status not in statuses[:2]
                        else None,
                    )
                    pk += 1

        counts["referrals"] = _copy(
            Referral._meta.db_table,
            [
                "id",
                "created_at",
                "updated_at",
                "version",
                "case_id",
                "need_id",
                "provider_id",
                "status",
                "note",
                "decline_reason",
                "progress_note",
                "outcome",
                "sent_at",
                "answered_at",
            ],
            referral_rows(),
        )
        counts["referral events"] = _sql(
            f"INSERT INTO {ReferralEvent._meta.db_table} "  # noqa: S608
            "(referral_id, actor_id, from_status, to_status, note, created_at) "
            f"SELECT id, NULL, '', status, '', created_at FROM {Referral._meta.db_table} "
            "WHERE id >= %s",
            [first_referral],
        )

        def task_rows() -> Iterator[Sequence[Any]]:
            mix = random.Random(seed + 5)
            for case in planned():
                for _ in range(mix.randint(0, 4)):
                    due = today + datetime.timedelta(days=mix.randint(-90, 60))
                    done = mix.random() < 0.6
                    yield (
                        now,
                        now,
                        case.pk,
                        mix.choice(TASKS),
                        due,
                        case.owner,
                        now if done else None,
                        case.owner if done else None,
                        "",
                    )

        counts["tasks"] = _copy(
            Task._meta.db_table,
            [
                "created_at",
                "updated_at",
                "case_id",
                "title",
                "due_on",
                "assignee_id",
                "done_at",
                "done_by_id",
                "roadmap_step",
            ],
            task_rows(),
        )

        def event_rows() -> Iterator[Sequence[Any]]:
            mix = random.Random(seed + 6)
            for case in planned():
                opened = case.updated - datetime.timedelta(days=500)
                yield (case.pk, case.owner, "opened", "{}", opened)
                for step in range(ORDER.index(case.stage)):
                    data = {"from": ORDER[step], "to": ORDER[step + 1], "reason": ""}
                    at = opened + datetime.timedelta(days=40 * (step + 1), hours=mix.randint(0, 9))
                    yield (case.pk, case.owner, "stage_moved", json.dumps(data), at)

        counts["case events"] = _copy(
            CaseEvent._meta.db_table,
            ["case_id", "actor_id", "kind", "data", "created_at"],
            event_rows(),
        )
        for model in (Case, Interaction, Referral):
            _reset_sequence(model._meta.db_table)
    # Rows written by COPY, around the services: give every case its filter copies.
    counts["cases given filter copies"] = case_keys_rebuild()
    return counts


def _poisson_like(rng: random.Random, mean: float) -> int:
    """0 … 2 × mean, uniformly: the same mean as a Poisson draw, cheaper to compute."""
    return rng.randint(0, max(0, round(2 * mean)))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--populate", action="store_true")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from goglobal.accounts.models import Role, User
    from goglobal.cases.models import Case, Interaction

    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database: the figures are for it.")
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
        print(f"enterprises and providers in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        counts = populate_cases(cases=args.cases, interactions=args.interactions)
        print(
            f"cases written in {time.perf_counter() - started:.1f} s: "
            + ", ".join(f"{name} {n:,}" for name, n in counts.items())
        )
        started = time.perf_counter()
        connection.ensure_connection()
        with connection.cursor() as cursor:
            # The copies were written by UPDATE after the COPY: compact the table, as a
            # restored database would be, then collect statistics and visibility.
            cursor.execute(f"VACUUM FULL {Case._meta.db_table}")
            cursor.execute("VACUUM ANALYZE")
        print(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")
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

    case_ids = list(Case.objects.filter(deleted_at__isnull=True).values_list("pk", flat=True))
    owner = Case.objects.exclude(owner=None).values_list("owner_id", flat=True).first()
    rng = random.Random(2026)
    pages: list[tuple[str, Callable[[], str]]] = [
        ("board", lambda: "/cases/"),
        ("board, owner filter", lambda: f"/cases/?owner={owner}"),
        ("board, need + market filters", lambda: "/cases/?need=fundraising.ipo&market=asean"),
        ("board, overdue only", lambda: "/cases/?overdue=1"),
        ("board, sector + sort by name", lambda: "/cases/?sector=C&sort=enterprise"),
        ("board, origin city", lambda: "/cases/?city=330200"),
        ("board, sort by next action", lambda: "/cases/?sort=next_action"),
        ("list", lambda: "/cases/list/"),
        ("list, page 40", lambda: "/cases/list/?page=40"),
        ("list, owner + overdue", lambda: f"/cases/list/?owner={owner}&overdue=1"),
        ("list, market + sort by name", lambda: "/cases/list/?market=VN&sort=enterprise"),
        ("case page (random)", lambda: f"/cases/{rng.choice(case_ids)}/"),
    ]
    print(
        f"database: {connection.vendor}; cases {len(case_ids):,}; "
        f"interactions {Interaction.objects.count():,}; {args.requests} requests per page"
    )
    print(f"{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    for name, url in pages:
        if args.only and args.only not in name:
            continue
        print(_measure(name, url, client, args.requests).row())
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
