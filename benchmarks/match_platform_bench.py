"""The matcher through the platform's own service: database, per-process index, stored vectors.

Run (PostgreSQL; the database is wiped when --populate is given):
    DATABASE_URL=postgres://… SECRET_KEY=x .venv/bin/python benchmarks/match_platform_bench.py \
        --populate --providers 100000 --enterprises 2000 [--encode all|N] [--requests 200]

With ``--statements-only`` only the cost of each statement a request sends is measured (no index
is needed): each is sent ``--requests`` times and its mean wall and CPU time printed.

Measures: populating (``goglobal demo --large``), encoding profile vectors as the background
work does (``profile_vector_refresh`` in batches; ``--encode N`` encodes N profiles and
extrapolates, ``all`` encodes every one), the first suggestion request of a process (which
builds the index), then ``--requests`` suggestion requests through ``match_suggest`` (p50 / p95
/ max, queries per request) and how long after an edit saved through ``provider_update`` the
edited provider is ranked on its new profile. Prints Markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(share * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--populate", action="store_true")
    parser.add_argument("--providers", type=int, default=100_000)
    parser.add_argument("--enterprises", type=int, default=2_000)
    parser.add_argument("--encode", default="2000", help="'all' or a number of profiles")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--skip-encode", action="store_true", help="use the vectors stored")
    parser.add_argument("--statements-only", action="store_true")
    parser.add_argument(
        "--asked", type=int, default=0, help="draw requests from this many enterprises (0: all)"
    )
    args = parser.parse_args()

    import os
    import platform
    from datetime import UTC, datetime

    print(f"| machine | {platform.machine()}, {os.cpu_count()} cores, Python"
          f" {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start,"
          f" {datetime.now(UTC):%Y-%m-%d %H:%M} UTC |")  # fmt: skip

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from goglobal.accounts.models import Role, User
    from goglobal.enterprises.models import Enterprise
    from goglobal.knowledge.models import Country
    from goglobal.matching import adapters, index_cache, services
    from goglobal.matching.models import ProfileVector
    from goglobal.matching.vectors import profile_vector_refresh
    from goglobal.providers import services as provider_services
    from goglobal.providers.models import ServiceProvider

    if args.populate:
        started = time.perf_counter()
        call_command(
            "demo", "--large", "--no-serve", "--yes-wipe",
            "--enterprises", str(args.enterprises), "--providers", str(args.providers),
        )  # fmt: skip
        print(f"| populate {args.providers:,} providers | {time.perf_counter() - started:.0f} s |")
    officer, _ = User.objects.get_or_create(
        email="bench-officer@example.hk", defaults={"role": Role.OFFICER}
    )

    provider_ids = list(ServiceProvider.objects.order_by("pk").values_list("pk", flat=True))
    wanted = provider_ids if args.encode == "all" else provider_ids[: int(args.encode)]
    wanted = [] if args.skip_encode else wanted
    started, cpu = time.perf_counter(), time.process_time()
    encoded = 0
    for start in range(0, len(wanted), 500):
        encoded += profile_vector_refresh(kind="provider", object_ids=wanted[start : start + 500])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if encoded:
        per = seconds / encoded
        print(f"| encode: CPU time | {cpu:.0f} s | {cpu / encoded * 1000:.1f} ms each |")
        print(f"| encode {encoded:,} provider profiles (background work) | {seconds:.0f} s |"
              f" {per * 1000:.1f} ms each | {len(provider_ids):,} would take"
              f" {per * len(provider_ids) / 60:.0f} min |")  # fmt: skip
    stored = ProfileVector.objects.filter(kind="provider").count()
    print(f"| stored provider vectors | {stored:,} of {len(provider_ids):,} |")
    enterprise_ids = list(Enterprise.objects.values_list("pk", flat=True)[:500])
    profile_vector_refresh(kind="enterprise", object_ids=enterprise_ids)

    enterprises = list(
        Enterprise.objects.filter(pk__in=enterprise_ids, needs__isnull=False)
        .prefetch_related("needs__need")
        .distinct()
    )
    rng = random.Random(2026)
    if args.statements_only:
        _statements(enterprises, args.requests)
        return 0
    if args.asked:
        enterprises = enterprises[: args.asked]
    index_cache.reset()
    enterprise = enterprises[0]
    need = enterprise.needs.all()[0].need
    started = time.perf_counter()
    services.match_suggest(enterprise=enterprise, need=need, actor=officer)
    print(f"| first request of a process ({index_cache.origin()}: 'built' builds the index and"
          f" saves it, 'file' reads the saved one) | {time.perf_counter() - started:.1f} s |"
          )  # fmt: skip
    from pathlib import Path

    from django.conf import settings

    if settings.GOGLOBAL_MATCH_INDEX_FILE:
        saved = Path(settings.GOGLOBAL_MATCH_INDEX_FILE)
        index_cache.reset()  # as a new process would start
        started, cpu = time.perf_counter(), time.process_time()
        index_cache.provider_index()
        print(f"| a new process reads the saved index ({saved.stat().st_size / 1e6:.0f} MB) |"
              f" {time.perf_counter() - started:.1f} s ({time.process_time() - cpu:.1f} s CPU),"
              f" origin: {index_cache.origin()} |")  # fmt: skip

    _requests(enterprises, officer, rng, args.requests)

    # An edit: a provider that serves the need moves its only office to Istanbul, stated in text.
    enterprise = enterprises[0]
    need = enterprise.needs.all()[0].need
    provider = ServiceProvider.objects.filter(needs=need, deleted_at__isnull=True).first()
    if provider is None:
        return 0
    from goglobal.providers.services import MarketInput, ProviderInput

    values = {
        name: getattr(provider, name)
        for name in provider_services.PROVIDER_FIELDS
        if name not in {"search_text"}
    }
    values["description"] = "我們在伊斯坦堡設有辦事處，專為內地企業服務。" + provider.description
    turkey = Country.objects.get(code="TR")
    started = time.perf_counter()
    provider_services.provider_update(
        actor=officer,
        provider=provider,
        seen_version=provider.version,
        data=ProviderInput(
            values=values,
            needs=list(provider.needs.all()),
            sectors=list(provider.sectors.all()),
            markets=[MarketInput(country=turkey, presence="office")],
        ),
    )
    saved = time.perf_counter()
    services.match_suggest(enterprise=enterprise, need=need, actor=officer, market="TR")
    answered = time.perf_counter()
    indexed = index_cache.provider_index()
    key = str(provider.pk)
    current = indexed.get(key)
    found = current is not None and "TR" in current.office_markets
    stated = indexed.derived(key).evidence.get("office:TR", "")
    from goglobal.engines.matching import ProviderQuery, rank
    from goglobal.engines.matching.embed import MODEL_VERSION
    from goglobal.matching.vectors import _hash, _provider_text

    provider.refresh_from_db()
    vector_row = ProfileVector.objects.filter(
        kind="provider", object_id=provider.pk, model_version=MODEL_VERSION
    ).first()
    vector_current = vector_row is not None and vector_row.text_hash == _hash(
        ProfileVector.Kind.PROVIDER, _provider_text(provider)
    )
    held = indexed.vector_of(key)
    vector_indexed = (
        held is not None and vector_row is not None and bytes(vector_row.vector) == held.tobytes()
    )
    asked = ProviderQuery(enterprise=adapters.to_enterprise(enterprise, ()), need=need.code,
                          market="TR")  # fmt: skip
    ranked = [match.id for match in rank(indexed, asked, limit=len(indexed))]
    place = ranked.index(key) + 1 if key in ranked else None
    print(
        f"| edit saved (incl. its vector, encoded on commit) → next request has its new profile |"
        f" save {1000 * (saved - started):.0f} ms | next request {1000 * (answered - saved):.0f}"
        f" ms | total {1000 * (answered - started):.0f} ms | new codes indexed: {found}, stated"
        f" office {stated!r}; vector current: {vector_current}, in the index: {vector_indexed};"
        f" ranked {place} of {len(ranked)} for TR |"
    )
    return 0


def _requests(enterprises: list, officer: object, rng: random.Random, count: int) -> None:
    """``count`` suggestion requests, split into each enterprise's first and repeated ones."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from goglobal.matching import services

    markets = ["", "", "VN", "SG", "AE", "TH", "ID", "MY", "SA", "DE"]
    seen: set[int] = {enterprises[0].pk}
    runs: dict[str, list[tuple[float, float, int]]] = {"all": [], "first": [], "repeat": []}
    for _ in range(count):
        enterprise = rng.choice(enterprises)
        need = rng.choice(list(enterprise.needs.all())).need
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            services.match_suggest(
                enterprise=enterprise, need=need, actor=officer, market=rng.choice(markets)
            )
            wall, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        kind = "repeat" if enterprise.pk in seen else "first"
        seen.add(enterprise.pk)
        for key in ("all", kind):
            runs[key].append((wall, cpu, len(queries)))
    for key, label in (
        ("all", "suggestion request"),
        ("first", "  of which the enterprise's first in this process"),
        ("repeat", "  of which a repeated enterprise (profile kept)"),
    ):
        if not runs[key]:
            continue
        walls, cpus, counts = (list(column) for column in zip(*runs[key], strict=True))
        print(f"| {label}, {len(walls)} requests | wall p50 {statistics.median(walls):.1f} ms,"
              f" p95 {_percentile(walls, 0.95):.1f} ms, max {max(walls):.1f} ms | CPU p50"
              f" {statistics.median(cpus):.1f} ms, p95 {_percentile(cpus, 0.95):.1f} ms |"
              f" {min(counts)}–{max(counts)} statements |")  # fmt: skip


class _RolledBackError(Exception):
    pass


def _insert(enterprise: object, need: object) -> None:
    from django.db import transaction

    from goglobal.matching.models import MatchSuggestion
    from goglobal.providers.models import ServiceProvider

    ids = list(ServiceProvider.objects.order_by("pk").values_list("pk", flat=True)[:5])
    rows = [
        MatchSuggestion(enterprise=enterprise, need=need, provider_id=pk, rank=rank, score=1.0,
                        reasons=[["need.serves", {"need": "legal.setup"}]], parts={"text": 1.0},
                        engine_version="bench", weights={"text": 0.6})
        for rank, pk in enumerate(ids, start=1)
    ]  # fmt: skip
    try:
        with transaction.atomic():
            MatchSuggestion.objects.bulk_create(rows)
            raise _RolledBackError
    except _RolledBackError:
        pass


def _statements(enterprises: list, times: int) -> None:
    """Each statement a request sends, alone, ``times`` times: mean wall and CPU."""
    from goglobal.matching import freshness, index_cache, outcomes, profiles

    enterprise = enterprises[0]
    need = enterprise.needs.all()[0].need
    stamp = freshness.read(enterprise_id=enterprise.pk, need_id=need.pk).enterprise
    sector = profiles.profile_for(enterprise.pk, stamp).sector
    calls = {
        "freshness stamps (one statement)": lambda: freshness.read(
            enterprise_id=enterprise.pk, need_id=need.pk
        ),
        "the needs taxonomy": index_cache._need_texts,
        "referral counts (track records and open referrals)": lambda: outcomes.referral_counts(
            sector
        ),
        "the enterprise's profile (two statements, when not kept)": lambda: profiles._load(
            enterprise.pk
        ),
        "the suggestion rows (one INSERT of five rows; rolled back here)": lambda: _insert(
            enterprise, need
        ),
    }
    for label, call in calls.items():
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(times):
            call()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"| {label} | wall {wall / times * 1000:.2f} ms | CPU {cpu / times * 1000:.2f} ms |")


if __name__ == "__main__":
    raise SystemExit(main())
