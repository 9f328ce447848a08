"""A delegation's programme on the format-2 engine: 40 members, 3 days, 6 venues, 120 requests.

Run: PYTHONPATH=src .venv/bin/python benchmarks/delegation_bench.py [--seed N] [--time-limit S]

The instance is generated here (seeded): 12 delegation members (officials and officers, in three
sub-groups) and 28 hosts (enterprises and bodies visited, some with two representatives who meet
the delegation together), each host at one of 6 venues with travel times of 10-80 minutes
between them; 3 days of ten 30-minute slots from 09:00, a plenary on each morning's first slot
for everyone and a site visit per sub-group each afternoon; 120 meeting requests from members
to hosts at the host's venue. The schedule is checked by the tests' independent checker (travel
from the shortest route between venues, recomputed there) and the figures printed. Target: a
valid itinerary in at most 10 s.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timedelta, timezone

from goglobal.engines.scheduling import load_instance, schedule
from goglobal.engines.scheduling.tests.checker2 import check

ZONE = timezone(timedelta(hours=8))
DAYS, SLOTS_PER_DAY, VENUES, MEMBERS, HOSTS, REQUESTS = 3, 10, 6, 12, 28, 120


def generate(seed: int) -> dict:
    rng = random.Random(seed)
    slots = []
    for day in range(DAYS):
        for i in range(SLOTS_PER_DAY):
            start = datetime(2026, 12, 7 + day, 9, tzinfo=ZONE) + timedelta(minutes=30 * i)
            slots.append(
                {
                    "id": f"d{day}s{i}",
                    "start": start.isoformat(),
                    "end": (start + timedelta(minutes=30)).isoformat(),
                    "session": "morning" if i < 6 else "afternoon",
                }
            )
    venues = [{"id": f"v{v}", "name": f"Venue {v}"} for v in range(VENUES)]
    travel = [
        {"from": f"v{a}", "to": f"v{b}", "minutes": rng.choice([10, 20, 30, 45, 60, 80])}
        for a in range(VENUES)
        for b in range(a + 1, VENUES)
    ]
    participants = [{"id": f"m{i}", "groups": [f"g{i % 3}"]} for i in range(MEMBERS)]
    hosts: list[tuple[str, str]] = []  # (organisation or participant id, venue)
    people = MEMBERS
    index = 0
    while people < MEMBERS + HOSTS:
        venue = f"v{index % VENUES}"
        if rng.random() < 0.3 and people + 2 <= MEMBERS + HOSTS:
            org = f"H{index}"
            participants += [{"id": f"h{index}a", "organisation": org}]
            participants += [{"id": f"h{index}b", "organisation": org}]
            hosts.append((org, venue))
            people += 2
        else:
            participants.append({"id": f"h{index}"})
            hosts.append((f"h{index}", venue))
            people += 1
        index += 1
    requests: list[dict] = []
    seen: set[tuple[str, str]] = set()
    while len(requests) < REQUESTS:
        member = f"m{rng.randrange(MEMBERS)}"
        host, venue = rng.choice(hosts)
        if (member, host) in seen:
            continue
        seen.add((member, host))
        request = {"from": member, "venue": venue, "weight": rng.randint(1, 3)}
        request["organisation" if host.startswith("H") else "to"] = host
        requests.append(request)
    programme = [
        {"id": f"plenary{day}", "name": "Plenary", "slots": [f"d{day}s0"]} for day in range(DAYS)
    ]
    programme += [
        {"id": f"visit{day}g{g}", "groups": [f"g{g}"], "slots": [f"d{day}s{7 + g}"]}
        for day in range(DAYS)
        for g in range(3)
    ]
    return {
        "format": "goglobal-schedule/2",
        "slots": slots,
        "tables": [f"room{i}" for i in range(12)],
        "participants": participants,
        "venues": venues,
        "travel": travel,
        "requests": requests,
        "programme": programme,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--time-limit", type=float, default=9.0)
    args = parser.parse_args()
    instance = load_instance(generate(args.seed))
    started = time.perf_counter()
    result = schedule(instance, time_limit=args.time_limit)
    seconds = time.perf_counter() - started
    check(instance, result)  # raises on any broken rule, travel included
    assert result.breaks is not None
    print(f"participants {len(instance.participants)}, requests {len(instance.requests)}")
    print(f"meetings {len(result.meetings)} (shared {result.shared_meetings})")
    print(f"value {result.value} of bound {result.upper_bound} ({result.bound_method})")
    print(f"breaks {result.breaks.total}, most {result.breaks.most}, spread {result.breaks.spread}")
    print(f"seconds {seconds:.2f}; travel checked independently: no violation")


if __name__ == "__main__":
    main()
