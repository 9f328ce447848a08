"""A generated delegation (format 2 with venues): the benchmark's and the slow test's instance.

12 delegation members (officials and officers, in three sub-groups) and 28 hosts (enterprises
and bodies visited, some with two representatives who meet the delegation together), each host
at one of 6 venues with travel times of 10-80 minutes between them; 3 days of ten 30-minute
slots from 09:00, a plenary on each morning's first slot for everyone and a site visit per
sub-group each afternoon; 120 meeting requests from members to hosts at the host's venue.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

ZONE = timezone(timedelta(hours=8))
DAYS, SLOTS_PER_DAY, VENUES, MEMBERS, HOSTS, REQUESTS = 3, 10, 6, 12, 28, 120


def generate(seed: int) -> dict[str, object]:
    rng = random.Random(seed)  # noqa: S311 - seeded test data, not a secret
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
    requests: list[dict[str, object]] = []
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
