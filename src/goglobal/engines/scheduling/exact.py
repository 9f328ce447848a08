"""Exact branch-and-bound (HiGHS MIP on the time-indexed model) for small residual problems."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from goglobal.engines.scheduling.bound import Columns
from goglobal.engines.scheduling.relaxation import solve_highs, time_indexed_rows
from goglobal.engines.scheduling.state import State

EXACT_COLUMNS = 4000  # larger problems rely on the local search and the bound


@dataclass(frozen=True, slots=True)
class ExactOutcome:
    slots: tuple[int, ...]  # slot per pair, -1 when left out
    value: int
    proven: bool


def solve_exact(state: State, columns: Columns, seconds: float) -> ExactOutcome | None:
    """Improve on ``state`` with a MIP started from it; None when the MIP finds nothing better."""
    problem = state.problem
    rows, upper = time_indexed_rows(problem, columns)
    start = np.asarray(
        [
            1.0 if state.slot_of[pair] == slot else 0.0
            for pair, slot in zip(columns.pair.tolist(), columns.slot.tolist(), strict=True)
        ]
    )
    _, values, _, proven = solve_highs(
        columns.weight, rows, upper, seconds=seconds, integer=True, start=start
    )
    chosen = [-1] * len(problem.pairs)
    for index in np.flatnonzero(values > 0.5).tolist():
        chosen[int(columns.pair[index])] = int(columns.slot[index])
    value = sum(problem.values[p] for p, slot in enumerate(chosen) if slot >= 0)
    if value < state.value or (value == state.value and not proven):
        return None
    return ExactOutcome(tuple(chosen), value, proven)
