"""Fewer breaks by local search: the meetings stay, their slots change.

Moves keep every rule: a meeting goes to another allowed slot where its participants are free
or a **Kempe chain** swaps two slots for a connected group of meetings
(meetings in either slot that share a participant), which keeps everybody in one meeting per
slot; the chain moves only when every meeting in it may take the other slot and no precedence
breaks. The cost is the total of breaks, a fifth of the idle slots inside runs (a
slope towards compact days), a heavy penalty for a spread above the bound and one for tables
over capacity (allowed while searching, never in the schedule returned). Simulated annealing
on a seeded generator with a fixed budget of moves, so the result is deterministic (the
deadline is a safety net).
"""

from __future__ import annotations

import math
import random
import time

from goglobal.engines.scheduling.breaks import busy_masks, person_shape
from goglobal.engines.scheduling.units import Plan

SPREAD_PENALTY = 50
CHAIN_LIMIT = 40
TABLE_PENALTY = 3.0  # tables may overflow during the search, never in the result
IDLE_WEIGHT = 0.2  # idle slots inside runs: a gentle slope towards compact days


class Polisher:
    def __init__(self, plan: Plan, slot_of: tuple[int, ...]) -> None:
        self.plan = plan
        self.slot_of = list(slot_of)
        self.busy = busy_masks(plan, slot_of)
        shapes = [person_shape(plan.sequences[p], self.busy[p]) for p in range(len(plan.people))]
        self.count = [c for c, _ in shapes]
        self.idle = [i for _, i in shapes]
        self.idle_total = sum(self.idle)
        self.per_slot = [0] * len(plan.slots)
        self.at: dict[tuple[int, int], int] = {}
        for u, t in enumerate(slot_of):
            if t >= 0:
                self.per_slot[t] += 1
                for p in plan.members[u]:
                    self.at[(p, t)] = u
        self.pinned = {u for u, _, _ in plan.pinned}
        self.by_unit_order: dict[int, list[tuple[int, int]]] = {}
        for before, after in plan.order:
            self.by_unit_order.setdefault(before, []).append((before, after))
            self.by_unit_order.setdefault(after, []).append((before, after))
        self.histogram: dict[int, int] = {}
        for p in range(len(plan.people)):
            if self.busy[p]:
                self.histogram[self.count[p]] = self.histogram.get(self.count[p], 0) + 1
        self.total = sum(self.count)

    def overflow(self) -> int:
        return sum(max(0, n - cap) for n, cap in zip(self.per_slot, self.plan.tables, strict=True))

    def cost(self) -> float:
        return (
            self.total
            + IDLE_WEIGHT * self.idle_total
            + SPREAD_PENALTY * self.excess()
            + TABLE_PENALTY * self.overflow()
        )

    def excess(self) -> int:
        if self.plan.spread is None or not self.histogram:
            return 0
        return max(0, max(self.histogram) - min(self.histogram) - self.plan.spread)

    def _set_count(self, p: int, new: int, active: bool, idle: int) -> None:
        old = self.count[p]
        self.idle_total += idle - self.idle[p]
        self.idle[p] = idle
        if p in self._was_active:
            self.histogram[old] -= 1
            if not self.histogram[old]:
                del self.histogram[old]
        if active:
            self.histogram[new] = self.histogram.get(new, 0) + 1
        self.total += new - old
        self.count[p] = new

    def apply(self, moves: list[tuple[int, int]]) -> dict[int, tuple[int, int, bool]]:
        """Move units to slots; return the previous (busy, count, active) of touched people."""
        touched: dict[int, tuple[int, int, bool]] = {}
        for u, _ in moves:
            for p in self.plan.members[u]:
                touched.setdefault(p, (self.busy[p], self.count[p], bool(self.busy[p])))
        for u, _ in moves:
            t = self.slot_of[u]
            self.per_slot[t] -= 1
            for p in self.plan.members[u]:
                self.busy[p] &= ~(1 << t)
                del self.at[(p, t)]
        for u, t in moves:
            self.slot_of[u] = t
            self.per_slot[t] += 1
            for p in self.plan.members[u]:
                self.busy[p] |= 1 << t
                self.at[(p, t)] = u
        self._was_active = {p for p, (_, _, a) in touched.items() if a}
        for p in touched:
            count, idle = person_shape(self.plan.sequences[p], self.busy[p])
            self._set_count(p, count, bool(self.busy[p]), idle)
        return touched

    def chain(self, u: int, target: int) -> list[tuple[int, int]] | None:
        """The Kempe chain of ``u`` between its slot and ``target`` as moves; None when barred."""
        source = self.slot_of[u]
        plan = self.plan
        seen = {u}
        stack = [u]
        moves = []
        while stack:
            v = stack.pop()
            here = self.slot_of[v]
            there = target if here == source else source
            if v in self.pinned or not plan.allowed[v] >> there & 1:
                return None
            moves.append((v, there))
            for p in plan.members[v]:
                w = self.at.get((p, there))
                if w is not None and w not in seen:
                    seen.add(w)
                    stack.append(w)
            if len(moves) > CHAIN_LIMIT:
                return None
        if self.by_unit_order:
            new = dict(moves)
            for v, _ in moves:
                for before, after in self.by_unit_order.get(v, ()):
                    tb = new.get(before, self.slot_of[before])
                    ta = new.get(after, self.slot_of[after])
                    if ta >= 0 and not 0 <= tb < ta:
                        return None
        return moves


def polish(plan: Plan, slot_of: tuple[int, ...], *, moves: int, deadline: float) -> tuple[int, ...]:
    state = Polisher(plan, slot_of)
    placed = [u for u, t in enumerate(slot_of) if t >= 0 and u not in state.pinned]
    if not placed or len(plan.slots) < 2:
        return tuple(slot_of)
    rng = random.Random(0)  # noqa: S311 - a seeded search, not a secret
    best_cost = state.cost()
    best = list(state.slot_of)
    current = best_cost
    slots = len(plan.slots)
    people = list(range(len(plan.people)))
    temperature = 1.0
    cooling = math.exp(math.log(0.03 / temperature) / max(1, moves))
    for step in range(moves):
        if best_cost == 0 or (step & 255 == 0 and time.perf_counter() > deadline):
            break
        u, target = _pick(state, placed, people, rng, slots)
        if u < 0:
            continue
        if not plan.allowed[u] >> target & 1:
            continue
        found = state.chain(u, target)
        if found is None:
            continue
        back = [(v, state.slot_of[v]) for v, _ in found]
        state.apply(found)
        cost = state.cost()
        delta = cost - current
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            current = cost
            if cost < best_cost and state.overflow() == 0:
                best_cost = cost
                best = list(state.slot_of)
        else:
            state.apply(back)
        temperature *= cooling
    return tuple(best)


def _pick(
    state: Polisher, placed: list[int], people: list[int], rng: random.Random, slots: int
) -> tuple[int, int]:
    """A unit and a target slot: mostly next to a run of one of a person's meetings with breaks."""
    if rng.random() < 0.6:
        for _ in range(4):
            p = people[rng.randrange(len(people))]
            if state.count[p]:
                break
        else:
            p = -1
        if p >= 0:
            busy = state.busy[p]
            mine = [t for t in range(slots) if busy >> t & 1]
            t = mine[rng.randrange(len(mine))]
            u = state.at[(p, t)]
            if u in state.pinned:
                return -1, -1
            near = [
                s
                for s in range(slots)
                if not busy >> s & 1
                and ((s > 0 and busy >> (s - 1) & 1) or (s + 1 < slots and busy >> (s + 1) & 1))
            ]
            if near:
                return u, near[rng.randrange(len(near))]
    u = placed[rng.randrange(len(placed))]
    target = rng.randrange(slots - 1)
    if target >= state.slot_of[u]:
        target += 1
    return u, target
