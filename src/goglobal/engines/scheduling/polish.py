"""Fewer breaks by local search: the meetings stay, their slots change.

Moves keep every rule: a meeting goes to another allowed slot where its participants are free
or a **Kempe chain** swaps two slots for a connected group of meetings (meetings in either slot
that share a participant), which keeps everybody in one meeting per slot; the chain moves only
when every meeting in it may take the other slot, no precedence breaks and no member is left too
little time to travel between two venues. The cost is the total of breaks, a fifth of the idle
slots inside runs (a slope towards compact days), a heavy penalty for a spread above the bound
and one for tables over capacity (allowed while searching, never in the schedule returned).
Simulated annealing on a seeded generator with a fixed budget of moves; the temperature falls
with the moves made or the time spent, whichever is further along, so the result is
deterministic unless the deadline binds (then it depends on the machine, as format 1's does).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable

from goglobal.engines.scheduling.breaks import busy_masks, person_shape
from goglobal.engines.scheduling.units import Plan

SPREAD_PENALTY = 50
CHAIN_LIMIT = 40
T_START, T_END = 1.0, 0.03  # annealing temperatures, in breaks
TABLE_PENALTY = 3.0  # tables may overflow during the search, never in the result
TARGETED = 0.6  # share of moves aimed at a person with breaks
IDLE_WEIGHT = 0.2  # idle slots inside runs: a gentle slope towards compact days


class Polisher:
    def __init__(self, plan: Plan, slot_of: tuple[int, ...]) -> None:
        self.plan = plan
        self.slot_of = list(slot_of)
        self.busy = busy_masks(plan, slot_of)
        self.days = [_day_masks(plan.sequences[p]) for p in range(len(plan.people))]
        shapes = [self.shape(p, self.busy[p]) for p in range(len(plan.people))]
        self.count = [c for c, _ in shapes]
        self.idle = [i for _, i in shapes]
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
        self.overflow = sum(max(0, n - c) for n, c in zip(self.per_slot, plan.tables, strict=True))
        self.cost = (
            sum(self.count)
            + IDLE_WEIGHT * sum(self.idle)
            + SPREAD_PENALTY * self._excess(self.histogram)
            + TABLE_PENALTY * self.overflow
        )

    def shape(self, p: int, busy: int) -> tuple[int, int]:
        days = self.days[p]
        if days is None:
            return person_shape(self.plan.sequences[p], busy)
        count = idle = 0
        for day in days:
            x = busy & day
            if x:
                runs = (x & ~(x << 1)).bit_count()
                count += runs - 1
                low = (x & -x).bit_length() - 1
                idle += x.bit_length() - low - x.bit_count()
        return count, idle

    def _excess(self, histogram: dict[int, int]) -> int:
        if self.plan.spread is None or not histogram:
            return 0
        return max(0, max(histogram) - min(histogram) - self.plan.spread)

    def evaluate(  # noqa: C901 - the hot loop, kept in one place
        self, moves: list[tuple[int, int]]
    ) -> tuple[float, dict[int, int]]:
        """The cost after ``moves`` and the new busy mask of everyone they touch."""
        plan = self.plan
        new_busy: dict[int, int] = {}
        slot_change: dict[int, int] = {}
        for u, _ in moves:
            t = self.slot_of[u]
            slot_change[t] = slot_change.get(t, 0) - 1
            for p in plan.members[u]:
                new_busy[p] = new_busy.get(p, self.busy[p]) & ~(1 << t)
        for u, t in moves:
            slot_change[t] = slot_change.get(t, 0) + 1
            for p in plan.members[u]:
                new_busy[p] |= 1 << t
        delta = 0.0
        histogram = dict(self.histogram) if plan.spread is not None else None
        for p, mask in new_busy.items():
            count, idle = self.shape(p, mask)
            delta += count - self.count[p] + IDLE_WEIGHT * (idle - self.idle[p])
            if histogram is not None:
                if self.busy[p]:
                    histogram[self.count[p]] -= 1
                    if not histogram[self.count[p]]:
                        del histogram[self.count[p]]
                if mask:
                    histogram[count] = histogram.get(count, 0) + 1
        overflow = self.overflow
        for t, change in slot_change.items():
            cap = plan.tables[t]
            before = self.per_slot[t]
            overflow += max(0, before + change - cap) - max(0, before - cap)
        delta += TABLE_PENALTY * (overflow - self.overflow)
        if histogram is not None:
            delta += SPREAD_PENALTY * (self._excess(histogram) - self._excess(self.histogram))
        return self.cost + delta, new_busy

    def commit(self, moves: list[tuple[int, int]], new_busy: dict[int, int], cost: float) -> None:
        plan = self.plan
        for u, _ in moves:
            t = self.slot_of[u]
            self.per_slot[t] -= 1
            for p in plan.members[u]:
                del self.at[(p, t)]
        for u, t in moves:
            self.slot_of[u] = t
            self.per_slot[t] += 1
            for p in plan.members[u]:
                self.at[(p, t)] = u
        for p, mask in new_busy.items():
            if self.busy[p]:
                self.histogram[self.count[p]] -= 1
                if not self.histogram[self.count[p]]:
                    del self.histogram[self.count[p]]
            self.busy[p] = mask
            self.count[p], self.idle[p] = self.shape(p, mask)
            if mask:
                self.histogram[self.count[p]] = self.histogram.get(self.count[p], 0) + 1
        self.overflow = sum(max(0, n - c) for n, c in zip(self.per_slot, plan.tables, strict=True))
        self.cost = cost

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


def polish(
    plan: Plan,
    slot_of: tuple[int, ...],
    *,
    moves: int,
    deadline: float,
    seed: int = 0,
    stop: Callable[[], bool] | None = None,
) -> tuple[int, ...]:
    """Anneal the slots of the scheduled meetings to fewer breaks; ``stop`` (asked every 16,384
    moves) ends it early, e.g. when a search beside it has proven its best."""
    state = Polisher(plan, slot_of)
    placed = [u for u, t in enumerate(slot_of) if t >= 0 and u not in state.pinned]
    if not placed or len(plan.slots) < 2:
        return tuple(slot_of)
    rng = random.Random(seed)  # noqa: S311 - a seeded search, not a secret
    clash = _clashes(plan)
    best_cost = state.cost
    best = list(state.slot_of)
    slots = len(plan.slots)
    people = list(range(len(plan.people)))
    began = time.perf_counter()
    span = max(1e-3, deadline - began)
    ratio = math.log(T_END / T_START)
    temperature = T_START
    for step in range(moves):
        if step & 255 == 0:
            # Cool by the moves made or by the time spent, whichever is further along.
            now = time.perf_counter()
            if now > deadline or (stop is not None and step & 16383 == 0 and stop()):
                break
            progress = max(step / moves, (now - began) / span)
            temperature = T_START * math.exp(ratio * progress)
        if best_cost < IDLE_WEIGHT:
            break
        u, target = _pick(state, placed, people, rng, slots)
        if u < 0 or not plan.allowed[u] >> target & 1:
            continue
        found = state.chain(u, target)
        if found is None or (clash and _travels_too_far(clash, state.slot_of, found)):
            continue
        cost, new_busy = state.evaluate(found)
        delta = cost - state.cost
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            state.commit(found, new_busy, cost)
            if cost < best_cost - 1e-9 and state.overflow == 0:
                best_cost = cost
                best = list(state.slot_of)
    return tuple(best)


def _clashes(plan: Plan) -> dict[tuple[int, int], list[tuple[int, int]]]:
    clash: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, ta, b, tb in plan.too_close:
        clash.setdefault((a, ta), []).append((b, tb))
        clash.setdefault((b, tb), []).append((a, ta))
    return clash


def _travels_too_far(
    clash: dict[tuple[int, int], list[tuple[int, int]]],
    slot_of: list[int],
    moves: list[tuple[int, int]],
) -> bool:
    """Whether the moves put a member's meetings too close for the travel between venues."""
    new = dict(moves)
    for u, t in moves:
        for v, tv in clash.get((u, t), ()):
            if new.get(v, slot_of[v]) == tv:
                return True
    return False


def _pick(
    state: Polisher, placed: list[int], people: list[int], rng: random.Random, slots: int
) -> tuple[int, int]:
    """A unit and a target slot: mostly a meeting of someone with breaks, moved next to a run."""
    if rng.random() < TARGETED:
        for _ in range(4):
            p = people[rng.randrange(len(people))]
            if state.count[p]:
                busy = state.busy[p]
                mine = _bits(busy)
                u = state.at[(p, mine[rng.randrange(len(mine))])]
                near = _bits(~busy & ((busy << 1) | (busy >> 1)) & ((1 << slots) - 1))
                if u in state.pinned or not near:
                    return -1, -1
                return u, near[rng.randrange(len(near))]
    u = placed[rng.randrange(len(placed))]
    target = rng.randrange(slots - 1)
    if target >= state.slot_of[u]:
        target += 1
    return u, target


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def _day_masks(sequences: tuple[tuple[int, ...], ...]) -> list[int] | None:
    """Each day's slots as one bit mask when they are consecutive (no programme hole), else None."""
    masks = []
    for day in sequences:
        if not day:
            continue
        if list(day) != list(range(day[0], day[-1] + 1)):
            return None
        masks.append(sum(1 << t for t in day))
    return masks
