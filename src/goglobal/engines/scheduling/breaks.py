"""Breaks: a run of idle slots between two meetings of one participant on one day.

Slots of the participant's programme sessions are skipped (they are spent in the programme, not
waiting); slots where the participant is unavailable count as idle, as in Bofill et al. (JAIR
2022), whose breaks are ours. The spread is the most breaks minus the fewest, over participants
with at least one meeting.
"""

from __future__ import annotations

from collections.abc import Sequence

from goglobal.engines.scheduling.model import Breaks
from goglobal.engines.scheduling.units import Plan


def busy_masks(plan: Plan, slot_of: Sequence[int]) -> list[int]:
    busy = [0] * len(plan.people)
    for unit, slot in enumerate(slot_of):
        if slot >= 0:
            for person in plan.members[unit]:
                busy[person] |= 1 << slot
    return busy


def person_breaks(sequences: tuple[tuple[int, ...], ...], busy: int) -> int:
    count = 0
    for day in sequences:
        seen = idle = False
        for t in day:
            if busy >> t & 1:
                if seen and idle:
                    count += 1
                seen, idle = True, False
            elif seen:
                idle = True
    return count


def person_shape(sequences: tuple[tuple[int, ...], ...], busy: int) -> tuple[int, int]:
    """Breaks and idle slots inside the runs of meetings (the latter guides the local search)."""
    count = idle_slots = 0
    for day in sequences:
        seen = False
        idle = 0
        for t in day:
            if busy >> t & 1:
                if seen and idle:
                    count += 1
                    idle_slots += idle
                seen, idle = True, 0
            elif seen:
                idle += 1
    return count, idle_slots


def per_person(plan: Plan, slot_of: Sequence[int]) -> list[int]:
    busy = busy_masks(plan, slot_of)
    return [person_breaks(plan.sequences[i], busy[i]) for i in range(len(plan.people))]


def report(plan: Plan, slot_of: Sequence[int], value_only: int | None = None) -> Breaks:
    busy = busy_masks(plan, slot_of)
    counts = [person_breaks(plan.sequences[i], busy[i]) for i in range(len(plan.people))]
    active = [c for c, mask in zip(counts, busy, strict=True) if mask]
    return Breaks(
        total=sum(counts),
        most=max(active, default=0),
        spread=(max(active) - min(active)) if active else 0,
        per_participant=tuple((plan.people[i], c) for i, c in enumerate(counts) if c),
        value_only_total=value_only,
    )
