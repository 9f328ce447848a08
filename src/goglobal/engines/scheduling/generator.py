"""Seeded generator of realistic promotion-conference instances.

Organisations send 1–3 representatives. Most are mainland enterprises; the others are Hong Kong
providers and investors. Enterprises ask to meet providers and investors, whose popularity follows
a Zipf law (a few are very popular); some providers ask enterprises back (those pairs then carry
both weights) and some providers ask investors. About a quarter of the people attend one day only,
some have gaps, some are capped. The venue has ``tables`` tables (default: 30 % of participants).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from goglobal.engines.scheduling.model import Instance, Participant, Request, Slot

_HONG_KONG = timezone(timedelta(hours=8))


@dataclass(frozen=True, slots=True)
class Conference:
    participants: int = 400
    requests: int = 4000
    slots: int = 16
    tables: int | None = None
    seed: int = 0


def generate(conference: Conference) -> Instance:
    """Return a conference instance; the same ``conference`` always gives the same instance."""
    rng = random.Random(conference.seed)  # noqa: S311 - synthetic data, not security
    slots = _slots(conference.slots)
    roles = _roles(rng, conference.participants)
    people = tuple(
        _participant(rng, index, organisation, slots)
        for index, (organisation, _) in enumerate(roles)
    )
    requests = _requests(rng, roles, people, conference.requests)
    table_count = conference.tables or max(1, round(conference.participants * 0.3))
    tables = tuple(f"T{number:03d}" for number in range(1, table_count + 1))
    return Instance(slots, tables, people, requests)


def _slots(count: int) -> tuple[Slot, ...]:
    per_day = (count + 1) // 2
    slots = []
    for index in range(count):
        day, position = divmod(index, per_day)
        minutes = 9 * 60 + 20 * position + (60 if position >= per_day // 2 else 0)  # lunch
        start = datetime(2026, 11, 5 + day, tzinfo=_HONG_KONG) + timedelta(minutes=minutes)
        slot_id = f"d{day + 1}-{start:%H%M}"
        slots.append(Slot(slot_id, start, start + timedelta(minutes=20)))
    return tuple(slots)


def _roles(rng: random.Random, total: int) -> list[tuple[str, str]]:
    """(organisation id, role) per participant: role is enterprise, provider or investor."""
    roles: list[tuple[str, str]] = []
    organisation = 0
    while len(roles) < total:
        organisation += 1
        role = rng.choices(("enterprise", "provider", "investor"), (60, 30, 10))[0]
        for _ in range(min(rng.randint(1, 3), total - len(roles))):
            roles.append((f"o{organisation:05d}", role))
    return roles


def _participant(
    rng: random.Random, index: int, organisation: str, slots: tuple[Slot, ...]
) -> Participant:
    ids = [slot.id for slot in slots]
    half = (len(ids) + 1) // 2
    kind = rng.random()
    if kind < 0.25:  # one day only
        available = ids[:half] if rng.random() < 0.5 else ids[half:]
    elif kind < 0.40:  # gaps
        available = [slot for slot in ids if rng.random() > 0.3]
    else:
        available = ids
    cap = rng.randint(4, 8) if rng.random() < 0.2 else None
    person = f"p{index + 1:05d}"
    return Participant(person, f"Representative {person}", organisation, frozenset(available), cap)


def _requests(
    rng: random.Random,
    roles: list[tuple[str, str]],
    people: tuple[Participant, ...],
    total: int,
) -> tuple[Request, ...]:
    enterprises = [i for i, (_, role) in enumerate(roles) if role == "enterprise"]
    targets = [i for i, (_, role) in enumerate(roles) if role != "enterprise"]
    investors = [i for i, (_, role) in enumerate(roles) if role == "investor"]
    if not enterprises or not targets:
        return ()
    popularity = [1.0 / (rank + 1) ** 0.9 for rank in range(len(targets))]
    rng.shuffle(targets)
    seen: set[tuple[int, int]] = set()
    requests: list[Request] = []
    for _ in range(total * 3):
        if len(requests) >= total:
            break
        kind = rng.random()
        if kind < 0.85:
            asker = rng.choice(enterprises)
            asked = rng.choices(targets, popularity)[0]
        elif kind < 0.95 or not investors:
            asker, asked = rng.choice(targets), rng.choice(enterprises)
        else:
            asker, asked = rng.choice(targets), rng.choice(investors)
        if asker == asked or (asker, asked) in seen or roles[asker][0] == roles[asked][0]:
            continue
        seen.add((asker, asked))
        weight = rng.choices((1, 2, 3), (50, 35, 15))[0]
        requests.append(Request(people[asker].id, people[asked].id, weight))
    return tuple(requests)
