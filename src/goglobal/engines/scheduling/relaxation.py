"""LP relaxations solved with HiGHS; they supply multipliers for ``bound.dual_bound``.

``time_indexed``: x[e, t] >= 0 per pair and allowed slot, with rows
  pair e: sum_t x <= 1 | person a, slot t: sum x <= 1 | slot t: sum x <= tables[t]
  | person a: sum x <= capacity[a].
``pair_lp`` (U1): y[e] in [0, 1] with person rows sum y <= capacity[a] and one row
  sum y <= sum(tables); its duals map onto the time-indexed multipliers.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass

import highspy
import numpy as np

from goglobal.engines.scheduling.bound import Columns, FloatArray, IntArray, Multipliers
from goglobal.engines.scheduling.problem import Problem


@dataclass(frozen=True, slots=True)
class LpSolution:
    multipliers: Multipliers
    values: FloatArray  # primal value per column (time-indexed) or per pair (pair LP)
    solved: bool


def time_indexed(problem: Problem, columns: Columns, seconds: float) -> LpSolution:
    people, slots, pairs = len(problem.people), len(problem.slots), len(problem.pairs)
    rows, upper = time_indexed_rows(problem, columns)
    duals, values, _, solved = solve_highs(columns.weight, rows, upper, seconds=seconds)
    person_slot = pairs
    slot_row = person_slot + people * slots
    cap_row = slot_row + slots
    pi = duals[person_slot:slot_row].reshape(people, slots)
    multipliers = Multipliers(pi, duals[slot_row:cap_row], duals[cap_row:])
    return LpSolution(multipliers, values, solved)


def time_indexed_rows(problem: Problem, columns: Columns) -> tuple[IntArray, FloatArray]:
    """Row index of the six entries of each column, and the rows' upper bounds."""
    people, slots, pairs = len(problem.people), len(problem.slots), len(problem.pairs)
    person_slot = pairs
    slot_row = person_slot + people * slots
    cap_row = slot_row + slots
    rows = np.stack(
        [
            columns.pair,
            person_slot + columns.first * slots + columns.slot,
            person_slot + columns.second * slots + columns.slot,
            slot_row + columns.slot,
            cap_row + columns.first,
            cap_row + columns.second,
        ],
        axis=1,
    ).reshape(-1)
    upper = np.concatenate(
        [
            np.ones(pairs + people * slots),
            np.asarray(problem.tables, dtype=np.float64),
            np.asarray(problem.capacity, dtype=np.float64),
        ]
    )
    return rows, upper


def pair_lp(problem: Problem, seconds: float) -> LpSolution:
    people, slots = len(problem.people), len(problem.slots)
    ends = np.asarray(problem.ends, dtype=np.int64).reshape(-1, 2)
    total_row = people
    rows = np.concatenate(
        [ends, np.full((len(problem.pairs), 1), total_row, dtype=np.int64)], axis=1
    ).reshape(-1)
    upper = np.concatenate(
        [np.asarray(problem.capacity, dtype=np.float64), [float(sum(problem.tables))]]
    )
    weights = np.asarray(problem.values, dtype=np.int64)
    duals, values, _, solved = solve_highs(weights, rows, upper, seconds=seconds)
    # Person a's row: put its dual on the capacity multiplier.
    multipliers = Multipliers(
        np.zeros((people, slots)), np.full(slots, duals[total_row]), duals[:people]
    )
    return LpSolution(multipliers, values, solved)


def solve_highs(
    weights: IntArray,
    rows: IntArray,
    row_upper: FloatArray,
    *,
    seconds: float,
    integer: bool = False,
    start: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray, float, bool]:
    """Maximise weights @ x, 0 <= x <= 1, A x <= row_upper; A is 0/1, same count per column.

    Return the row duals (absolute values), x, the solver's bound and whether it proved optimal.
    """
    n = len(weights)
    per_column = len(rows) // n if n else 0
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(row_upper)
    lp.col_cost_ = weights.astype(np.float64)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.ones(n)
    lp.row_lower_ = np.full(len(row_upper), -np.inf)
    lp.row_upper_ = row_upper
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, per_column * n + 1, per_column, dtype=np.int32)
    lp.a_matrix_.index_ = rows.astype(np.int32)
    lp.a_matrix_.value_ = np.ones(per_column * n)
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    _silence_banner()
    solver = highspy.Highs()
    for option, value in _OPTIONS.items():
        solver.setOptionValue(option, value)
    solver.setOptionValue("time_limit", max(0.05, seconds))
    solver.passModel(lp)
    if start is not None:
        solution = highspy.HighsSolution()
        solution.col_value = list(start)
        solver.setSolution(solution)
    solver.run()
    solved = solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
    result = solver.getSolution()
    duals = np.abs(np.asarray(result.row_dual, dtype=np.float64))
    values = np.asarray(result.col_value, dtype=np.float64)
    if len(duals) != len(row_upper):
        duals = np.zeros(len(row_upper))
    if len(values) != n:
        values = np.zeros(n)
    bound = float(solver.getInfo().mip_dual_bound) if integer else float("inf")
    return duals, values, bound, solved


_OPTIONS: dict[str, bool | int | float] = {
    "output_flag": False,
    "threads": 1,
    "random_seed": 0,
    "mip_rel_gap": 0.0,
    "mip_abs_gap": 0.5,
}


@functools.cache
def _silence_banner() -> None:
    """HiGHS prints a banner on stdout when the first solver of a process is created: hide it."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            os.dup2(sink.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
