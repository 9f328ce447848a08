"""``schedule``: the best schedule we can find, with a true upper bound on any schedule's value."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from goglobal.engines.scheduling import search
from goglobal.engines.scheduling.bound import Columns, FloatArray, dual_bound, trivial_multipliers
from goglobal.engines.scheduling.exact import EXACT_COLUMNS, solve_exact
from goglobal.engines.scheduling.lns import improve_by_lns
from goglobal.engines.scheduling.model import Instance, Meeting, Result
from goglobal.engines.scheduling.problem import Problem, build_problem
from goglobal.engines.scheduling.reasons import explain
from goglobal.engines.scheduling.relaxation import pair_lp, time_indexed
from goglobal.engines.scheduling.replan import changes, kept_meetings
from goglobal.engines.scheduling.state import State
from goglobal.engines.scheduling.tables import seat

DEFAULT_TIME_LIMIT = 60.0
TIME_INDEXED_COLUMNS = 8000  # the time-indexed LP is slow beyond this and rarely tighter


@dataclass(frozen=True, slots=True)
class Bound:
    value: int  # residual problem only
    method: str
    guide: FloatArray  # LP value of every pair, used to order the construction


def schedule(
    instance: Instance,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
    previous: Iterable[Meeting] | None = None,
) -> Result:
    """Maximise the total value of the meetings; keep ``previous`` meetings that are still valid.

    Format-2 instances then minimise the breaks (``engine2``).
    """
    if instance.version == 2:
        from goglobal.engines.scheduling.engine2 import schedule_v2

        return schedule_v2(instance, time_limit=time_limit, previous=previous)
    started = time.perf_counter()
    earlier = tuple(previous) if previous is not None else None
    pinned = instance.fixed + (kept_meetings(instance, earlier) if earlier is not None else ())
    problem = build_problem(instance, pinned)
    columns = Columns.of(problem)
    bound = _bound(problem, columns, time_limit)
    state, proven = _search(problem, columns, bound, started + time_limit)
    placed = [
        (problem.pairs[pair], problem.slots[slot])
        for pair, slot in enumerate(state.slot_of)
        if slot >= 0
    ]
    meetings = seat(instance, pinned, placed)
    value = problem.pinned_value + state.value
    upper = problem.pinned_value + bound.value
    return Result(
        meetings=meetings,
        value=value,
        upper_bound=upper,
        status="optimal" if proven or value >= upper else "feasible",
        seconds=round(time.perf_counter() - started, 3),
        unscheduled=explain(instance, meetings),
        changes=changes(earlier, meetings) if earlier is not None else None,
        bound_method=bound.method,
    )


def _bound(problem: Problem, columns: Columns, time_limit: float) -> Bound:
    best = Bound(sum(problem.values), "sum of values", np.ones(len(problem.pairs)))
    if not problem.pairs:
        return Bound(0, "no pair can meet", best.guide)
    trivial = dual_bound(problem, columns, trivial_multipliers(problem))
    if trivial < best.value:
        best = Bound(trivial, "sum of values", best.guide)
    pair = pair_lp(problem, 0.3 * time_limit)
    value = dual_bound(problem, columns, pair.multipliers)
    if value <= best.value:
        best = Bound(value, "pair LP dual (U1)", pair.values)
    if len(columns.pair) <= TIME_INDEXED_COLUMNS and best.value > 0:
        timed = time_indexed(problem, columns, 0.2 * time_limit)
        value = dual_bound(problem, columns, timed.multipliers)
        if value < best.value:
            best = Bound(value, "time-indexed LP dual (U2)", best.guide)
    return best


def _search(
    problem: Problem, columns: Columns, bound: Bound, deadline: float
) -> tuple[State, bool]:
    guide = bound.guide.tolist()
    order = sorted(
        range(len(problem.pairs)),
        key=lambda pair: (-round(guide[pair], 6), -problem.values[pair], pair),
    )
    state = State(problem)
    search.construct(state, order)
    remaining = deadline - time.perf_counter()
    search.improve(state, order, deadline - 0.6 * remaining)
    search.fill(state)
    if len(columns.pair) > EXACT_COLUMNS:
        improve_by_lns(state, order, bound.value, deadline - 0.1 * remaining)
        search.fill(state)
    if state.value >= bound.value or len(columns.pair) > EXACT_COLUMNS:
        return state, state.value >= bound.value
    outcome = solve_exact(state, columns, max(0.05, deadline - time.perf_counter()))
    if outcome is None:
        return state, False
    exact = State(problem)
    for pair, slot in enumerate(outcome.slots):
        if slot >= 0:
            exact.place(pair, slot)
    search.fill(exact)
    return exact, outcome.proven
