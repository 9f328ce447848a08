"""Format 2's two lexicographic phases as HiGHS MIPs on the time-indexed model of the units.

Columns ``x[u, t]`` (unit ``u`` in allowed slot ``t``). Rows: a unit at most once, a person at
most once per slot, ``tables[t]`` meetings per slot, ``capacity`` meetings per person, and per
precedence ``x[after, t] <= sum_{t' < t} x[before, t']``. Phase 1 maximises the value. Phase 2
keeps the value at least ``floor`` and minimises the breaks: per person and day, over the slots
that count (``Plan.sequences``), ``s[p, t] >= y[p, t] - y[p, t-1]`` counts the starts of runs of
meetings and ``w[p, d] <= sum_t y[p, t]`` (at most 1) the days with a meeting, so
``B_p = sum s - sum w`` is the number of breaks; ``B_p <= B_max``, ``B_p >= B_min`` and
``B_max - B_min <= spread`` bound the spread.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

from goglobal.engines.scheduling.relaxation import _OPTIONS, _silence_banner
from goglobal.engines.scheduling.units import Plan

INF = highspy.kHighsInf


@dataclass
class Model:
    cost: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)

    def column(self, cost: float, lower: float, upper: float, integer: bool) -> int:
        self.cost.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.cost) - 1

    def row(self, terms: Sequence[tuple[int, float]], lower: float, upper: float) -> None:
        for col, coef in terms:
            self.index.append(col)
            self.value.append(coef)
        self.starts.append(len(self.index))
        self.row_lower.append(lower)
        self.row_upper.append(upper)


@dataclass(frozen=True, slots=True)
class Outcome:
    slot_of: tuple[int, ...]  # per unit, -1 when left out
    objective: float
    bound: float  # the solver's dual bound on the objective
    proven: bool
    found: bool


class Columns:
    """The x columns of a plan and the rows every schedule obeys."""

    def __init__(self, plan: Plan, model: Model, value_cost: bool) -> None:  # noqa: C901 - one row family each
        self.plan = plan
        self.keys: list[tuple[int, int]] = []
        self.by_unit: list[list[int]] = [[] for _ in plan.units]
        self.by_person_slot: dict[tuple[int, int], list[int]] = {}
        pinned = {unit for unit, _, _ in plan.pinned}
        for u in range(len(plan.units)):
            for t in plan.slot_list(u):
                low = 1.0 if u in pinned else 0.0
                col = model.column(float(plan.values[u]) if value_cost else 0.0, low, 1.0, True)
                self.keys.append((u, t))
                self.by_unit[u].append(col)
                for p in plan.members[u]:
                    self.by_person_slot.setdefault((p, t), []).append(col)
        for cols in self.by_unit:
            if len(cols) > 1:
                model.row([(c, 1.0) for c in cols], -INF, 1.0)
        by_slot: dict[int, list[int]] = {}
        by_person: dict[int, list[int]] = {}
        for (p, _), cols in self.by_person_slot.items():
            if len(cols) > 1:
                model.row([(c, 1.0) for c in cols], -INF, 1.0)
            by_person.setdefault(p, []).extend(cols)
        for col, (_, slot) in enumerate(self.keys):
            by_slot.setdefault(slot, []).append(col)
        for t, cols in sorted(by_slot.items()):
            if len(cols) > plan.tables[t]:
                model.row([(c, 1.0) for c in cols], -INF, float(plan.tables[t]))
        for p, cols in sorted(by_person.items()):
            if plan.capacity[p] < len(plan.slots):
                model.row([(c, 1.0) for c in set(cols)], -INF, float(plan.capacity[p]))
        column = {key: col for col, key in enumerate(self.keys)}
        for a, ta, b, tb in plan.too_close:
            if (a, ta) in column and (b, tb) in column:
                model.row([(column[a, ta], 1.0), (column[b, tb], 1.0)], -INF, 1.0)
        for before, after in plan.order:
            slots_before = [(c, self.keys[c][1]) for c in self.by_unit[before]]
            for col in self.by_unit[after]:
                t = self.keys[col][1]
                model.row([(col, 1.0)] + [(c, -1.0) for c, s in slots_before if s < t], -INF, 0)

    def start(self, slot_of: Sequence[int]) -> list[float]:
        return [1.0 if slot_of[u] == t else 0.0 for u, t in self.keys]

    def decode(self, values: Sequence[float]) -> tuple[int, ...]:
        slot_of = [-1] * len(self.plan.units)
        for col, (u, t) in enumerate(self.keys):
            if values[col] > 0.5:
                slot_of[u] = t
        return tuple(slot_of)


def _solve(
    model: Model, *, maximise: bool, seconds: float, start: list[float] | None
) -> tuple[list[float], float, float, bool, bool]:
    n = len(model.cost)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(model.row_lower)
    lp.col_cost_ = np.asarray(model.cost, dtype=np.float64)
    lp.col_lower_ = np.asarray(model.lower, dtype=np.float64)
    lp.col_upper_ = np.asarray(model.upper, dtype=np.float64)
    lp.row_lower_ = np.asarray(model.row_lower, dtype=np.float64)
    lp.row_upper_ = np.asarray(model.row_upper, dtype=np.float64)
    lp.sense_ = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.asarray(model.starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.asarray(model.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.asarray(model.value, dtype=np.float64)
    lp.integrality_ = [
        highspy.HighsVarType.kInteger if flag else highspy.HighsVarType.kContinuous
        for flag in model.integer
    ]
    _silence_banner()
    solver = highspy.Highs()
    for option, value in _OPTIONS.items():
        solver.setOptionValue(option, value)
    solver.setOptionValue("time_limit", max(0.05, seconds))
    solver.passModel(lp)
    if start is not None:
        solution = highspy.HighsSolution()
        solution.col_value = start
        solution.value_valid = True
        solver.setSolution(solution)
    solver.run()
    status = solver.getModelStatus()
    proven = status == highspy.HighsModelStatus.kOptimal
    info = solver.getInfo()
    found = info.primal_solution_status == 2  # kSolutionStatusFeasible
    values = list(solver.getSolution().col_value) if found else [0.0] * n
    return values, float(info.objective_function_value), float(info.mip_dual_bound), proven, found


def maximise_value(plan: Plan, seconds: float, start: Sequence[int] | None = None) -> Outcome:
    model = Model()
    columns = Columns(plan, model, value_cost=True)
    warm = columns.start(start) if start is not None else None
    values, objective, bound, proven, found = _solve(
        model, maximise=True, seconds=seconds, start=warm
    )
    return Outcome(columns.decode(values), objective, bound, proven, found)


def count_bound(plan: Plan, seconds: float) -> tuple[int, tuple[int, ...]]:
    """An upper bound on the value that ignores when meetings take place: each unit at most
    once; per person at most ``capacity`` meetings and no more than the slots any of their units
    may use; per person and slot mask, the units that fit in the mask no more than its slots
    (a morning-only meeting competes for the person's morning); all meetings within the tables
    of every slot. Every schedule obeys these rows, so the MIP's dual bound (it is small: one
    column per unit) bounds the value; on large conferences it is far tighter than the
    time-indexed MIP's within the same seconds. Returns the bound and the units of the best
    solution found (a good set to give slots to, ``assign``)."""
    model = Model()
    for value in plan.values:
        model.column(float(value), 0.0, 1.0, True)
    by_person: dict[int, list[int]] = {}
    for unit, members in enumerate(plan.members):
        for person in members:
            by_person.setdefault(person, []).append(unit)
    for person, units in sorted(by_person.items()):
        usable = 0
        for unit in units:
            usable |= plan.allowed[unit]
        model.row([(u, 1.0) for u in units], -INF, float(min(plan.capacity[person],
                                                              usable.bit_count())))  # fmt: skip
        for mask in sorted({plan.allowed[unit] for unit in units}):
            inside = [u for u in units if plan.allowed[u] & ~mask == 0]
            room = (mask & usable).bit_count()
            if len(inside) > room:
                model.row([(u, 1.0) for u in inside], -INF, float(room))
    model.row([(u, 1.0) for u in range(len(plan.units))], -INF, float(sum(plan.tables)))
    values, objective, bound, proven, found = _solve(
        model, maximise=True, seconds=seconds, start=None
    )
    if not found:
        return sum(plan.values), ()
    chosen = tuple(u for u, x in enumerate(values) if x > 0.5)
    return floor_value(objective if proven else bound), chosen


def minimise_breaks(  # noqa: C901 - one row family each
    plan: Plan,
    floor: int,
    seconds: float,
    start: Sequence[int] | None,
    *,
    most: int | None = None,
) -> Outcome:
    """Fewest breaks with value >= floor and the spread bound; ``found`` False when none is."""
    model = Model()
    columns = Columns(plan, model, value_cost=False)
    model.row([(c, float(plan.values[u])) for c, (u, _) in enumerate(columns.keys)], floor, INF)
    candidates = [0] * len(plan.people)
    for u, cols in enumerate(columns.by_unit):
        if cols:
            for p in plan.members[u]:
                candidates[p] += 1
    b_max = b_min = -1
    if plan.spread is not None:
        b_max = model.column(0.0, 0.0, INF, False)
        b_min = model.column(0.0, 0.0, INF, False)
        model.row([(b_max, 1.0), (b_min, -1.0)], -INF, float(plan.spread))
    extra: list[tuple[str, int, int, int]] = []  # for the warm start: kind, column, person, day
    for p in range(len(plan.people)):
        if candidates[p] == 0:
            continue
        if candidates[p] == 1:
            if b_min >= 0:
                model.row([(b_min, 1.0)], -INF, 0.0)
            continue
        b_p = model.column(1.0, 0.0, INF if most is None else float(most), False)
        terms: list[tuple[int, float]] = [(b_p, 1.0)]
        for d, day in enumerate(plan.sequences[p]):
            day_cols: list[int] = []
            previous: list[int] = []
            for t in day:
                here = columns.by_person_slot.get((p, t), [])
                if here:
                    s = model.column(0.0, 0.0, 1.0, False)
                    extra.append(("s", s, p, t))
                    model.row(
                        [(s, 1.0)] + [(c, -1.0) for c in here] + [(c, 1.0) for c in previous],
                        0.0,
                        INF,
                    )
                    terms.append((s, -1.0))
                    day_cols.extend(here)
                previous = here
            if day_cols:
                w = model.column(0.0, 0.0, 1.0, False)
                extra.append(("w", w, p, d))
                model.row([(w, 1.0)] + [(c, -1.0) for c in day_cols], -INF, 0.0)
                terms.append((w, 1.0))
        model.row(terms, 0.0, 0.0)
        extra.append(("b", b_p, p, -1))
        if b_max >= 0:
            model.row([(b_p, 1.0), (b_max, -1.0)], -INF, 0.0)
            model.row([(b_p, 1.0), (b_min, -1.0)], 0.0, INF)
    warm = None
    if start is not None:
        warm = _warm(plan, columns, extra, start, len(model.cost), (b_max, b_min), candidates)
    values, objective, bound, proven, found = _solve(
        model, maximise=False, seconds=seconds, start=warm
    )
    return Outcome(columns.decode(values), objective, bound, proven, found)


def _warm(
    plan: Plan,
    columns: Columns,
    extra: list[tuple[str, int, int, int]],
    slot_of: Sequence[int],
    size: int,
    spread_columns: tuple[int, int],
    candidates: list[int],
) -> list[float]:
    from goglobal.engines.scheduling.breaks import busy_masks, person_breaks

    values = columns.start(slot_of) + [0.0] * (size - len(columns.keys))
    busy = busy_masks(plan, slot_of)
    counts = [person_breaks(plan.sequences[p], busy[p]) for p in range(len(plan.people))]
    for kind, col, p, at in extra:
        if kind == "s":
            day = next(d for d in plan.sequences[p] if at in d)
            i = day.index(at)
            here = busy[p] >> at & 1
            before = busy[p] >> day[i - 1] & 1 if i else 0
            values[col] = float(max(0, here - before))
        elif kind == "w":
            values[col] = 1.0 if any(busy[p] >> t & 1 for t in plan.sequences[p][at]) else 0.0
        else:
            values[col] = float(counts[p])
    active = [counts[p] for p in range(len(plan.people)) if candidates[p]]
    b_max, b_min = spread_columns
    if b_max >= 0:
        values[b_max] = float(max(active, default=0))
        values[b_min] = float(min(active, default=0))
    return values


def floor_value(bound: float) -> int:
    return math.floor(bound + 1e-6)
