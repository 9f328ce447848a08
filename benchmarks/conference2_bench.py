"""A large conference in format 2: shared meetings, morning and afternoon sessions, fewer breaks.

Run: PYTHONPATH=src .venv/bin/python benchmarks/conference2_bench.py [--participants 1000]
     [--shared 0.2] [--time-limit 30] [--seed 0]

The conference comes from the format-1 generator (``scheduling.generator``: organisations with
several representatives, Zipf popularity, availability gaps, caps), written as format 2:
the day's slots split into a morning and an afternoon session, a share of all requests (20 % by
default, drawn from those whose target's organisation has two representatives or more) made to
that organisation instead (the meeting then holds every representative, as the format says),
and a tenth of the
requests between two organisations of one person asking for a session. The schedule is checked
by the tests' independent checker and the figures printed: value against the bound, breaks
(total, most, spread) against the value-only schedule's, shared meetings, seconds and peak
memory.

Targets (issue 18): 1,000 participants, value ≥ 99.5 % of the bound, breaks at most a quarter of
the value-only schedule's, ≤ 30 s; 5,000 participants, ≥ 99 %, ≤ 180 s.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections import defaultdict
from typing import Any

from goglobal.engines.scheduling import load_instance, schedule
from goglobal.engines.scheduling.generator import Conference, generate
from goglobal.engines.scheduling.tests.checker2 import check

FORMAT_2 = "goglobal-schedule/2"


def conference(participants: int, shared: float, seed: int) -> dict[str, Any]:
    """The format-2 document of a generated conference (see the module docstring)."""
    slots = 16 if participants <= 1000 else 20
    base = generate(Conference(participants=participants, requests=participants * 10,
                               slots=slots, seed=seed))  # fmt: skip
    rng = random.Random(seed)
    half = len(base.slots) // 2
    document_slots = [
        {"id": slot.id, "start": slot.start.isoformat(), "end": slot.end.isoformat(),
         "session": "morning" if number < half else "afternoon"}
        for number, slot in enumerate(base.slots)
    ]  # fmt: skip
    members: dict[str, list[str]] = defaultdict(list)
    people = []
    for person in base.participants:
        members[person.organisation].append(person.id)
        entry: dict[str, Any] = {"id": person.id, "organisation": person.organisation}
        if len(person.available) < len(base.slots):
            entry["available"] = sorted(person.available)
        if person.max_meetings is not None:
            entry["max_meetings"] = person.max_meetings
        people.append(entry)
    organisation_of = {person.id: person.organisation for person in base.participants}
    requests = []
    asked: set[tuple[str, str]] = set()
    eligible = sum(len(members[organisation_of[r.to_id]]) > 1 for r in base.requests)
    chance = min(1.0, shared * len(base.requests) / max(1, eligible))
    for request in base.requests:
        target = organisation_of[request.to_id]
        if (len(members[target]) > 1 and rng.random() < chance
                and (request.from_id, target) not in asked
                and organisation_of[request.from_id] != target):  # fmt: skip
            asked.add((request.from_id, target))
            requests.append({"from": request.from_id, "organisation": target,
                             "weight": request.weight})  # fmt: skip
            continue
        entry = {"from": request.from_id, "to": request.to_id, "weight": request.weight}
        ends = (request.from_id, request.to_id)
        single = all(len(members[organisation_of[person]]) == 1 for person in ends)
        if single and rng.random() < 0.1:  # a shared meeting's requests could ask for two sessions
            entry["session"] = rng.choice(["morning", "afternoon"])
        requests.append(entry)
    return {"format": FORMAT_2, "slots": document_slots, "tables": list(base.tables),
            "participants": people, "requests": requests}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--shared", type=float, default=0.2)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    document = conference(args.participants, args.shared, args.seed)
    instance = load_instance(document)
    organisation_requests = sum("organisation" in r for r in document["requests"])
    print(f"participants {len(instance.participants)}, requests {len(instance.requests)} "
          f"({organisation_requests} to an organisation), slots {len(instance.slots)}, "
          f"tables {len(instance.tables)}")  # fmt: skip
    started = time.perf_counter()
    result = schedule(instance, time_limit=args.time_limit)
    seconds = time.perf_counter() - started
    check(instance, result)  # raises on any broken rule
    assert result.breaks is not None
    ratio = result.value / result.upper_bound if result.upper_bound else 1.0
    print(f"meetings {len(result.meetings)} (shared {result.shared_meetings})")
    print(f"value {result.value} of bound {result.upper_bound} ({ratio:.4%}, "
          f"{result.bound_method})")  # fmt: skip
    before = result.breaks.value_only_total
    share = f" ({result.breaks.total / before:.1%} of it)" if before else ""
    print(f"breaks {result.breaks.total}, most {result.breaks.most}, spread "
          f"{result.breaks.spread}; value-only schedule {before}{share}")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seconds {seconds:.1f}; peak memory {peak:.0f} MiB; checked independently")


if __name__ == "__main__":
    main()
