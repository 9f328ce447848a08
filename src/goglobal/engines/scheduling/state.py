"""Mutable search state of the solver: which pair meets in which slot (residual problem only)."""

from __future__ import annotations

from goglobal.engines.scheduling.problem import Problem


class State:
    """Slot of every free pair (-1: not placed) with the indexes needed to check the rules fast."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.width = len(problem.slots)
        self.slot_of = [-1] * len(problem.pairs)
        self.busy = [0] * len(problem.people)  # mask of slots where the person meets
        self.count = [0] * len(problem.people)
        self.at: dict[int, int] = {}  # person * width + slot -> pair
        self.used = [0] * self.width
        self.in_slot: list[set[int]] = [set() for _ in range(self.width)]
        self.full = sum(1 << t for t, tables in enumerate(problem.tables) if tables <= 0)
        self.value = 0

    def place(self, pair: int, slot: int) -> None:
        a, b = self.problem.ends[pair]
        bit = 1 << slot
        self.slot_of[pair] = slot
        for person in (a, b):
            self.busy[person] |= bit
            self.count[person] += 1
            self.at[person * self.width + slot] = pair
        self.used[slot] += 1
        self.in_slot[slot].add(pair)
        if self.used[slot] >= self.problem.tables[slot]:
            self.full |= bit
        self.value += self.problem.values[pair]

    def remove(self, pair: int) -> int:
        slot = self.slot_of[pair]
        a, b = self.problem.ends[pair]
        bit = 1 << slot
        self.slot_of[pair] = -1
        for person in (a, b):
            self.busy[person] &= ~bit
            self.count[person] -= 1
            del self.at[person * self.width + slot]
        self.used[slot] -= 1
        self.in_slot[slot].discard(pair)
        self.full &= ~bit
        self.value -= self.problem.values[pair]
        return slot

    def has_room(self, pair: int) -> bool:
        a, b = self.problem.ends[pair]
        capacity = self.problem.capacity
        return self.count[a] < capacity[a] and self.count[b] < capacity[b]

    def open_slots(self, pair: int, excluded: int = 0) -> int:
        """Mask of allowed slots where both ends are free and a table is left."""
        a, b = self.problem.ends[pair]
        return self.problem.allowed[pair] & ~(self.busy[a] | self.busy[b] | self.full | excluded)

    def blockers(self, pair: int, slot: int) -> list[int]:
        a, b = self.problem.ends[pair]
        found = [self.at.get(a * self.width + slot, -1), self.at.get(b * self.width + slot, -1)]
        return sorted({blocker for blocker in found if blocker >= 0})

    def meetings_of(self, person: int) -> list[int]:
        mask, width = self.busy[person], self.width
        return [self.at[person * width + t] for t in range(width) if mask >> t & 1]


def lowest(mask: int) -> int:
    """Index of the lowest set bit of a non-zero mask."""
    return (mask & -mask).bit_length() - 1
