"""Meeting scheduler benchmark: our scheduler against a first-come-first-served "quick schedule".

Run: PYTHONPATH=src .venv/bin/python benchmarks/schedule_bench.py [--quick]
Prints a Markdown table (value, upper bound, ratio, seconds) for each target size of issue 6,
then the re-planning run (5 % of participants cancel at 1,000 participants).
Every schedule, ours and the baseline's, is verified by the tests' independent checker.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import time

from goglobal.engines.scheduling import Instance, Meeting, Result, schedule
from goglobal.engines.scheduling.generator import Conference, generate
from goglobal.engines.scheduling.model import pair_of
from goglobal.engines.scheduling.reasons import explain
from goglobal.engines.scheduling.tests.checker import check

TARGETS = [  # conference, time limit (s), target ratio
    (Conference(participants=400, requests=4000, slots=16), 5.0, 0.999),
    (Conference(participants=1000, requests=10000, slots=16), 20.0, 0.995),
    (Conference(participants=5000, requests=50000, slots=20), 120.0, 0.99),
]


def quick_schedule(instance: Instance, upper_bound: int) -> Result:
    """Each request in arrival order goes to the first slot and table free for both people."""
    started = time.perf_counter()
    people = {p.id: p for p in instance.participants}
    values = instance.pair_values()
    busy: set[tuple[str, str]] = set()
    counts: dict[str, int] = {}
    tables_used: dict[str, int] = {}
    met: set[tuple[str, str]] = set()
    meetings = []
    for request in instance.requests:
        pair = pair_of(request.from_id, request.to_id)
        ends = [people[p] for p in pair]
        if pair in met or any(
            p.max_meetings is not None and counts.get(p.id, 0) >= p.max_meetings for p in ends
        ):
            continue
        for slot in instance.slots:
            used = tables_used.get(slot.id, 0)
            if used < len(instance.tables) and all(
                slot.id in p.available and (p.id, slot.id) not in busy for p in ends
            ):
                meetings.append(Meeting(pair, slot.id, instance.tables[used]))
                tables_used[slot.id] = used + 1
                met.add(pair)
                for p in ends:
                    busy.add((p.id, slot.id))
                    counts[p.id] = counts.get(p.id, 0) + 1
                break
    value = sum(values[m.participants] for m in meetings)
    return Result(
        tuple(meetings),
        value,
        upper_bound,
        "feasible",
        time.perf_counter() - started,
        explain(instance, meetings),
    )


def _row(name: str, result: Result, limit: str, target: str) -> str:
    return (
        f"| {name} | {result.value:,} | {result.upper_bound:,} | {result.ratio:.4%} "
        f"| {result.seconds:.2f} | {limit} | {target} |"
    )


def run_target(conference: Conference, limit: float, target: float) -> list[str]:
    instance = generate(conference)
    ours = schedule(instance, time_limit=limit)
    check(instance, ours)
    baseline = quick_schedule(instance, ours.upper_bound)
    check(instance, baseline)
    name = (
        f"{conference.participants:,} people, {len(instance.requests):,} requests, "
        f"{conference.slots} slots, {len(instance.tables)} tables"
    )
    status = "met" if ours.ratio >= target and ours.seconds <= limit else "MISSED"
    return [
        _row(f"{name} — ours ({ours.status})", ours, f"≤ {limit:g} s", f"≥ {target:.1%}: {status}"),
        _row(f"{name} — quick schedule", baseline, "", ""),
    ]


def run_replan(seed: int) -> list[str]:
    instance = generate(Conference(participants=1000, requests=10000, slots=16, seed=seed))
    first = schedule(instance, time_limit=20)
    rng = random.Random(seed)
    gone = {p.id for p in instance.participants if rng.random() < 0.05}
    changed = dataclasses.replace(
        instance,
        participants=tuple(p for p in instance.participants if p.id not in gone),
        requests=tuple(r for r in instance.requests if not {r.from_id, r.to_id} & gone),
    )
    replanned = schedule(changed, time_limit=5, previous=first.meetings)
    check(changed, replanned)
    valid = [m for m in first.meetings if not set(m.participants) & gone]
    kept = sum(1 for m in valid if m in set(replanned.meetings))
    changes = replanned.changes
    assert changes is not None
    return [
        f"| re-plan, 1,000 people, {len(gone)} cancel (5 %) | {replanned.value:,} "
        f"| {replanned.upper_bound:,} | {replanned.ratio:.4%} | {replanned.seconds:.2f} | ≤ 5 s "
        f"| kept {kept}/{len(valid)} still-valid ({kept / max(1, len(valid)):.0%}); "
        f"kept {changes.kept}, moved {changes.moved}, dropped {changes.dropped}, "
        f"added {changes.added} |"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 5,000-participant size")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    print("| instance | value | upper bound | ratio | seconds | time target | ratio target |")
    print("|---|---:|---:|---:|---:|---|---|")
    for conference, limit, target in TARGETS[:2] if options.quick else TARGETS:
        for line in run_target(dataclasses.replace(conference, seed=options.seed), limit, target):
            print(line, flush=True)
    for line in run_replan(options.seed):
        print(line, flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (whole run): {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
