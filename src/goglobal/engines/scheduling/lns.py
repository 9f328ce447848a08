"""Large-neighbourhood search: free every meeting around a few people, re-solve exactly (MIP).

A neighbourhood starts from a pair left out that the LP relaxation wanted in; it holds the two
people and those they meet, and every pair touching them. Their meetings are removed, the small
time-indexed MIP over those pairs (around all other meetings) is solved with HiGHS from the
current assignment, and the result is kept when it is worth strictly more. The work is counted
in neighbourhoods, not seconds, so runs are repeatable; the deadline is only a safety net.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from goglobal.engines.scheduling.bound import Columns
from goglobal.engines.scheduling.problem import Problem
from goglobal.engines.scheduling.relaxation import solve_highs, time_indexed_rows
from goglobal.engines.scheduling.state import State

MAX_PAIRS = 600
MAX_NEIGHBOURHOODS = 400
PATIENCE = 120  # stop after this many neighbourhoods in a row without a gain


def improve_by_lns(state: State, order: Sequence[int], bound: int, deadline: float) -> None:
    touching: list[list[int]] = [[] for _ in state.problem.people]
    for pair, (a, b) in enumerate(state.problem.ends):
        touching[a].append(pair)
        touching[b].append(pair)
    tried: set[int] = set()
    failures = 0
    for seeds, pair in enumerate(p for p in order if state.slot_of[p] < 0):
        if seeds >= MAX_NEIGHBOURHOODS or failures >= PATIENCE or state.value >= bound:
            return
        if time.perf_counter() >= deadline or pair in tried or state.slot_of[pair] >= 0:
            continue
        subset = _neighbourhood(state, pair, touching)
        tried.update(p for p in subset if state.slot_of[p] < 0)
        failures = 0 if _resolve(state, subset, deadline) else failures + 1


def _neighbourhood(state: State, pair: int, touching: list[list[int]]) -> list[int]:
    people = set(state.problem.ends[pair])
    for person in list(people):
        for meeting in state.meetings_of(person):
            people.update(state.problem.ends[meeting])
    subset = sorted({p for person in people for p in touching[person]})
    if len(subset) > MAX_PAIRS:
        values = state.problem.values
        subset.sort(key=lambda p: (state.slot_of[p] < 0, -values[p], p))
        subset = sorted(subset[:MAX_PAIRS])
    return subset


def _resolve(state: State, subset: list[int], deadline: float) -> bool:
    """Re-solve the pairs of ``subset`` exactly; keep the result if it is worth more."""
    before = {pair: state.slot_of[pair] for pair in subset if state.slot_of[pair] >= 0}
    for pair in before:
        state.remove(pair)
    problem = state.problem
    sub = Problem(
        people=problem.people,
        slots=problem.slots,
        pairs=tuple(problem.pairs[p] for p in subset),
        ends=tuple(problem.ends[p] for p in subset),
        values=tuple(problem.values[p] for p in subset),
        allowed=tuple(state.open_slots(p) for p in subset),
        capacity=tuple(c - n for c, n in zip(problem.capacity, state.count, strict=True)),
        tables=tuple(t - n for t, n in zip(problem.tables, state.used, strict=True)),
        pinned_value=0,
    )
    columns = Columns.of(sub)
    rows, upper = time_indexed_rows(sub, columns)
    start = np.asarray(
        [
            1.0 if before.get(subset[p], -1) == t else 0.0
            for p, t in zip(columns.pair.tolist(), columns.slot.tolist(), strict=True)
        ]
    )
    seconds = min(2.0, deadline - time.perf_counter())
    _, values, _, _ = solve_highs(
        columns.weight, rows, upper, seconds=seconds, integer=True, start=start
    )
    chosen = np.flatnonzero(values > 0.5).tolist()
    gain = int(columns.weight[chosen].sum()) - sum(problem.values[p] for p in before)
    placement = {subset[int(columns.pair[c])]: int(columns.slot[c]) for c in chosen}
    if gain <= 0:
        placement = before
    for pair, slot in sorted(placement.items()):
        state.place(pair, slot)
    return gain > 0
