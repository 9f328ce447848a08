"""The residual optimisation problem in integer indices, after pinning fixed and kept meetings.

Slot sets are Python ints used as bit masks (bit ``t`` = slot ``t``).
"""

from __future__ import annotations

from dataclasses import dataclass

from goglobal.engines.scheduling.model import Instance, Meeting, Pair


@dataclass(frozen=True, slots=True)
class Problem:
    people: tuple[str, ...]  # participant ids, sorted
    slots: tuple[str, ...]  # slot ids, in input order
    pairs: tuple[Pair, ...]  # free pairs (requested, not pinned), sorted by id
    ends: tuple[tuple[int, int], ...]  # participant indices of each free pair
    values: tuple[int, ...]
    allowed: tuple[int, ...]  # mask of slots where the pair could meet around the pinned ones
    capacity: tuple[int, ...]  # meetings each participant can still take
    tables: tuple[int, ...]  # free tables per slot
    pinned_value: int

    def slot_list(self, pair: int) -> list[int]:
        mask = self.allowed[pair]
        return [t for t in range(len(self.slots)) if mask >> t & 1]


def build_problem(instance: Instance, pinned: tuple[Meeting, ...]) -> Problem:
    """Index the instance; ``pinned`` meetings (fixed and kept) are assumed mutually feasible."""
    people = tuple(sorted(participant.id for participant in instance.participants))
    person_index = {person: index for index, person in enumerate(people)}
    slots = tuple(slot.id for slot in instance.slots)
    slot_index = {slot: index for index, slot in enumerate(slots)}
    free = [0] * len(people)
    caps = [len(slots)] * len(people)
    for participant in instance.participants:
        index = person_index[participant.id]
        free[index] = sum(1 << slot_index[slot] for slot in participant.available)
        if participant.max_meetings is not None:
            caps[index] = participant.max_meetings
    tables = [len(instance.tables)] * len(slots)
    values = instance.pair_values()
    pinned_value = 0
    for meeting in pinned:
        pinned_value += values.pop(meeting.participants, 0)
        tables[slot_index[meeting.slot]] -= 1
        for person in meeting.participants:
            index = person_index[person]
            free[index] &= ~(1 << slot_index[meeting.slot])
            caps[index] -= 1
    open_slots = sum(1 << t for t, count in enumerate(tables) if count > 0)
    capacity = tuple(
        max(0, min(cap, (mask & open_slots).bit_count()))
        for cap, mask in zip(caps, free, strict=True)
    )
    pairs, ends, pair_values, allowed = [], [], [], []
    for pair in sorted(values):
        a, b = person_index[pair[0]], person_index[pair[1]]
        mask = free[a] & free[b] & open_slots
        if mask and capacity[a] and capacity[b]:
            pairs.append(pair)
            ends.append((a, b))
            pair_values.append(values[pair])
            allowed.append(mask)
    return Problem(
        people,
        slots,
        tuple(pairs),
        tuple(ends),
        tuple(pair_values),
        tuple(allowed),
        capacity,
        tuple(tables),
        pinned_value,
    )
