"""Slots for a chosen set of meetings, greedily with one-step repairs: the value phase of large
format-2 plans.

``mip.count_bound`` chooses the meetings that bound the value when time is left out; here they
are given slots: the hardest first (fewest allowed slots, most people, highest value), each in
an allowed slot where all its people are free and a table is left, preferring a slot next to
its people's other meetings (fewer breaks to remove later). A meeting that finds no slot tries
one repair: a single meeting in its way moves to another slot free for all of its people. Then
every meeting not chosen is tried, highest value first, in the slots left. Fixed meetings keep
their slots. Plans with precedences or travel between venues do not come here (the caller uses
the time-indexed MIP for them).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from goglobal.engines.scheduling.units import Plan


def _slots(mask: int) -> Iterator[tuple[int, int]]:
    """(slot, its bit) for each slot of ``mask``, earliest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1, low
        mask ^= low


class _Board:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.pinned = frozenset(u for u, _, _ in plan.pinned)
        self.slot_of = [-1] * len(plan.units)
        self.busy = [0] * len(plan.people)  # slot mask per person
        self.count = [0] * len(plan.people)
        self.per_slot = [0] * len(plan.slots)
        self.at: dict[tuple[int, int], int] = {}  # (person, slot) -> unit
        self.full = 0  # slots with no table left

    def put(self, u: int, t: int) -> None:
        self.slot_of[u] = t
        self.per_slot[t] += 1
        if self.per_slot[t] >= self.plan.tables[t]:
            self.full |= 1 << t
        for p in self.plan.members[u]:
            self.busy[p] |= 1 << t
            self.count[p] += 1
            self.at[(p, t)] = u

    def take(self, u: int) -> None:
        t = self.slot_of[u]
        self.slot_of[u] = -1
        self.per_slot[t] -= 1
        self.full &= ~(1 << t)
        for p in self.plan.members[u]:
            self.busy[p] &= ~(1 << t)
            self.count[p] -= 1
            del self.at[(p, t)]

    def free(self, u: int) -> int:
        """Slots where ``u`` could go now (0 when a person of it is at their cap)."""
        plan = self.plan
        mask = plan.allowed[u] & ~self.full
        for p in plan.members[u]:
            if self.count[p] >= plan.capacity[p]:
                return 0
            mask &= ~self.busy[p]
        return mask

    def best_slot(self, u: int, mask: int) -> int:
        """The slot of ``mask`` next to most of the meetings of ``u``'s people (then earliest)."""
        best, best_score = -1, -1
        members = self.plan.members[u]
        for t, low in _slots(mask):
            near = (low << 1) | (low >> 1)
            score = sum(1 for p in members if self.busy[p] & near)
            if score > best_score:
                best, best_score = t, score
        return best

    def place(self, u: int) -> bool:
        mask = self.free(u)
        if mask:
            self.put(u, self.best_slot(u, mask))
            return True
        return self.repair(u)

    def repair(self, u: int) -> bool:
        """Move one meeting out of the way of ``u`` (to a slot free for all its people)."""
        plan = self.plan
        if any(self.count[p] >= plan.capacity[p] for p in plan.members[u]):
            return False
        for t, _ in _slots(plan.allowed[u] & ~self.full):
            blockers = {self.at[(p, t)] for p in plan.members[u] if (p, t) in self.at}
            if len(blockers) != 1:
                continue
            (other,) = blockers
            if other in self.pinned:
                continue
            self.take(other)
            room = self.free(other) & ~(1 << t)
            if room:
                self.put(other, self.best_slot(other, room))
                self.put(u, t)
                return True
            self.put(other, t)
        return False


def assign(plan: Plan, chosen: Iterable[int], deadline: float) -> tuple[int, ...]:
    """Slot per unit (-1: not scheduled) for ``chosen`` first, then the others (see module)."""
    board = _Board(plan)
    for u, t, _ in plan.pinned:
        board.put(u, t)
    values, members, allowed = plan.values, plan.members, plan.allowed

    def hardest(u: int) -> tuple[int, int, int, int]:
        return (allowed[u].bit_count(), -len(members[u]), -values[u], u)

    first = sorted((u for u in set(chosen) if board.slot_of[u] < 0), key=hardest)
    for number, u in enumerate(first):
        if number & 255 == 0 and time.perf_counter() > deadline:
            break
        board.place(u)
    rest = sorted(
        (u for u in range(len(plan.units)) if board.slot_of[u] < 0),
        key=lambda u: (-values[u], allowed[u].bit_count(), u),
    )
    for number, u in enumerate(rest):
        if number & 255 == 0 and time.perf_counter() > deadline:
            break
        board.place(u)
    return tuple(board.slot_of)
