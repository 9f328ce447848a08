"""Matching engine speed: index build, one ranking query, incremental change, batch top-10.

Run: PYTHONPATH=src .venv/bin/python benchmarks/match_bench.py [--providers 100000]
     [--enterprises 10000] [--million]
Synthetic providers come from goglobal.engines.matching.generator (seeded). ``--million`` runs
the 1,000,000-provider query check on demand (not in CI). Prints Markdown rows for
docs/benchmarks.md. Quality figures: ``python -m goglobal.engines.matching FILE``.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

from goglobal.engines.matching import ProviderIndex, ProviderQuery, rank
from goglobal.engines.matching.generator import enterprise, providers, scenario

QUERIES = 300


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _queries(count: int, seed: int) -> list[ProviderQuery]:
    rng = random.Random(seed)
    languages = ("zh-hans", "en", "zh-hant")
    result = []
    for number in range(count):
        item = scenario(f"e{number}", rng)
        written = enterprise(item, languages[number % 3])
        result.append(ProviderQuery(written, item.need, item.market, rotation=number))
    return result


def speed(count: int) -> ProviderIndex:
    started = time.perf_counter()
    items = [truth.provider for truth in providers(count, seed=11)]
    generated = time.perf_counter() - started
    started = time.perf_counter()
    index = ProviderIndex(items)
    built = time.perf_counter() - started
    print(f"| {count:,} providers | generate {generated:.1f} s | build {built:.1f} s |"
          f" peak RSS {_rss_mib():,.0f} MiB |")  # fmt: skip
    queries = _queries(QUERIES, seed=3)
    rank(index, queries[0])  # warm jieba and the caches of the first posting lists
    times = []
    for query in queries:
        started = time.perf_counter()
        rank(index, query, limit=10)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[int(0.95 * len(times)) - 1]
    print(f"| one query, {len(times)} queries | p50 {statistics.median(times):.1f} ms |"
          f" p95 {p95:.1f} ms | max {times[-1]:.1f} ms |")  # fmt: skip
    changes = []
    for number, truth in enumerate(providers(50, seed=99)):
        moved = truth.provider.__class__(**{**_fields(truth.provider), "id": items[number * 7].id})
        started = time.perf_counter()
        index.add(moved)
        changes.append((time.perf_counter() - started) * 1000)
    print(f"| incremental replace of one provider | mean {statistics.mean(changes):.2f} ms |"
          f" max {max(changes):.2f} ms | |")  # fmt: skip
    return index


def _fields(provider: object) -> dict[str, object]:
    return {name: getattr(provider, name) for name in provider.__slots__}  # type: ignore[attr-defined]


def batch(index: ProviderIndex, enterprises: int) -> None:
    rng = random.Random(17)
    queries = []
    for number in range(enterprises):
        needs = rng.randint(1, 3)
        base = scenario(f"b{number}", rng)
        for _ in range(needs):
            other = scenario(f"b{number}", rng)
            queries.append(ProviderQuery(enterprise(base, "zh-hans"), other.need, base.market))
    started = time.perf_counter()
    for query in queries:
        rank(index, query, limit=10)
    elapsed = time.perf_counter() - started
    print(f"| batch top-10, {enterprises:,} enterprises, {len(queries):,} needs | {elapsed:.0f} s |"
          f" {elapsed / len(queries) * 1000:.1f} ms per need | |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--providers", type=int, default=100_000)
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--million", action="store_true")
    options = parser.parse_args()
    index = speed(options.providers)
    if options.enterprises:
        batch(index, options.enterprises)
    if options.million:
        del index
        speed(1_000_000)


if __name__ == "__main__":
    main()
