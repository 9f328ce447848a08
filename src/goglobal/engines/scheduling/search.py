"""Construction and local search on the residual problem.

1. Construction: pairs in order of the LP relaxation's value for them, then value, then id; each
   goes to its first open slot, or to a slot freed by moving the meetings that block it.
2. Improvement: for each pair left out, relocate blockers to make room, or eject meetings of
   smaller total value (strict gain, so the search ends); ejected pairs try to go back in.
3. Fill: a last pass places any pair that still fits, so every pair left out has a reason.
Every choice breaks ties on indices, so the search is deterministic for a given work budget.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from goglobal.engines.scheduling.state import State, lowest

_TABLE_TRIES = 40


def construct(state: State, order: Sequence[int]) -> None:
    for pair in order:
        insert(state, pair)


def improve(state: State, order: Sequence[int], deadline: float) -> int:
    """Run improvement passes until one changes nothing or the deadline passes; return passes."""
    passes = 0
    while time.perf_counter() < deadline:
        passes += 1
        changed = False
        for step, pair in enumerate(order):
            if step % 256 == 0 and time.perf_counter() >= deadline:
                return passes
            if state.slot_of[pair] < 0 and (insert(state, pair) or eject_for(state, pair)):
                changed = True
        if not changed:
            break
    return passes


def fill(state: State) -> None:
    for pair in range(len(state.slot_of)):
        if state.slot_of[pair] < 0 and state.has_room(pair):
            options = state.open_slots(pair)
            if options:
                state.place(pair, lowest(options))


def insert(state: State, pair: int) -> bool:
    """Place ``pair`` without losing any meeting (moving blockers if needed)."""
    if not state.has_room(pair):
        return False
    options = state.open_slots(pair)
    if options:
        state.place(pair, lowest(options))
        return True
    allowed = state.problem.allowed[pair]
    for slot in range(state.width):
        if allowed >> slot & 1 and _relocate_into(state, pair, slot):
            return True
    return False


def _relocate_into(state: State, pair: int, slot: int) -> bool:
    blockers = state.blockers(pair, slot)
    if not blockers:
        return _free_table(state, slot) and _place(state, pair, slot)
    for blocker in blockers:
        state.remove(blocker)
    moved: list[int] = []
    for blocker in blockers:
        options = state.open_slots(blocker, excluded=1 << slot)
        if not options:
            for done in moved:
                state.remove(done)
            for back in blockers:
                state.place(back, slot)
            return False
        state.place(blocker, lowest(options))
        moved.append(blocker)
    state.place(pair, slot)
    return True


def _place(state: State, pair: int, slot: int) -> bool:
    state.place(pair, slot)
    return True


def _free_table(state: State, slot: int) -> bool:
    """Move one meeting out of a full slot, if one can go elsewhere."""
    for tries, other in enumerate(sorted(state.in_slot[slot])):
        if tries >= _TABLE_TRIES:
            break
        options = state.open_slots(other, excluded=1 << slot)
        if options:
            state.remove(other)
            state.place(other, lowest(options))
            return True
    return False


def eject_for(state: State, pair: int) -> bool:
    """Place ``pair`` by removing meetings worth strictly less; try to put them back elsewhere."""
    best_gain, best_slot, best_removed = 0, -1, []
    allowed = state.problem.allowed[pair]
    for slot in range(state.width):
        if allowed >> slot & 1:
            removed = _ejections(state, pair, slot)
            if removed is None:
                continue
            gain = state.problem.values[pair] - sum(state.problem.values[m] for m in removed)
            if gain > best_gain:
                best_gain, best_slot, best_removed = gain, slot, removed
    if best_slot < 0:
        return False
    for other in best_removed:
        state.remove(other)
    state.place(pair, best_slot)
    for other in best_removed:
        insert(state, other)
    return True


def _ejections(state: State, pair: int, slot: int) -> list[int] | None:
    """Meetings to remove so that ``pair`` fits in ``slot``, or None if none would do."""
    removed = state.blockers(pair, slot)
    if not removed and state.full >> slot & 1:
        if not state.in_slot[slot]:
            return None
        removed = [min(state.in_slot[slot], key=lambda m: (state.problem.values[m], m))]
    for person in state.problem.ends[pair]:
        kept = state.count[person] - sum(1 for m in removed if person in state.problem.ends[m])
        if kept >= state.problem.capacity[person]:
            candidates = [m for m in state.meetings_of(person) if m not in removed]
            if not candidates:
                return None
            removed.append(min(candidates, key=lambda m: (state.problem.values[m], m)))
    return removed
