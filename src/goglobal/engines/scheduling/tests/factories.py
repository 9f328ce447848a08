"""Small random instances for the engine tests (seeded)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from goglobal.engines.scheduling.model import Instance, Meeting, Participant, Request, Slot

START = datetime(2026, 11, 5, 9, tzinfo=timezone(timedelta(hours=8)))


def slots(count: int) -> tuple[Slot, ...]:
    return tuple(
        Slot(f"s{i}", START + timedelta(minutes=20 * i), START + timedelta(minutes=20 * i + 20))
        for i in range(count)
    )


def tiny(seed: int, *, people: int = 5, slot_count: int = 3, requests: int = 6) -> Instance:
    """A random instance small enough for the exhaustive solver."""
    rng = random.Random(seed)
    slot_list = slots(slot_count)
    ids = [s.id for s in slot_list]
    participants = tuple(
        Participant(
            f"p{i}",
            f"Person {i}",
            f"o{i}",
            frozenset(s for s in ids if rng.random() < 0.75),
            rng.choice([None, None, 1, 2]),
        )
        for i in range(people)
    )
    chosen: dict[tuple[str, str], int] = {}
    while len(chosen) < requests:
        a, b = rng.sample(range(people), 2)
        chosen.setdefault((f"p{a}", f"p{b}"), rng.randint(1, 5))
    reqs = tuple(Request(a, b, w) for (a, b), w in sorted(chosen.items()))
    tables = tuple(f"T{i}" for i in range(rng.choice([1, 2, 2, 3])))
    return Instance(slot_list, tables, participants, reqs)


def with_fixed(instance: Instance, fixed: tuple[Meeting, ...]) -> Instance:
    return Instance(
        instance.slots, instance.tables, instance.participants, instance.requests, fixed
    )
