"""A true upper bound on the residual problem: the Lagrangian (LP dual) bound.

For ANY non-negative multipliers ``pi[a, t]`` (participant ``a`` meets at most once in slot ``t``),
``sigma[t]`` (slot ``t`` has ``tables[t]`` free tables) and ``lam[a]`` (participant ``a`` takes at
most ``capacity[a]`` meetings), weak duality gives

    OPT <= sum_e max(0, max_{t in allowed(e)} w_e - pi[a,t] - pi[b,t] - sigma[t] - lam[a] - lam[b])
           + sum pi + sum_t tables[t] * sigma[t] + sum_a capacity[a] * lam[a].

We round the multipliers down to multiples of 2**-20 and evaluate this in exact integer
arithmetic, so the bound is valid whatever produced the multipliers (an LP solver that stopped
early, or none at all). The multipliers come from the time-indexed LP relaxation solved by HiGHS
when it fits the time budget, otherwise from the pair LP (degree/capacity bound, "U1").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from goglobal.engines.scheduling.problem import Problem

SCALE = 1 << 20
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Columns:
    """One column per (pair, allowed slot) of the time-indexed model, as flat arrays."""

    pair: IntArray
    slot: IntArray
    first: IntArray
    second: IntArray
    weight: IntArray

    @classmethod
    def of(cls, problem: Problem) -> Columns:
        pair, slot = [], []
        for index, mask in enumerate(problem.allowed):
            for t in range(len(problem.slots)):
                if mask >> t & 1:
                    pair.append(index)
                    slot.append(t)
        pairs = np.asarray(pair, dtype=np.int64)
        ends = np.asarray(problem.ends, dtype=np.int64).reshape(-1, 2)
        values = np.asarray(problem.values, dtype=np.int64)
        return cls(
            pairs, np.asarray(slot, dtype=np.int64), ends[pairs, 0], ends[pairs, 1], values[pairs]
        )


@dataclass(frozen=True, slots=True)
class Multipliers:
    pi: FloatArray  # people x slots
    sigma: FloatArray  # slots
    lam: FloatArray  # people


def dual_bound(problem: Problem, columns: Columns, multipliers: Multipliers) -> int:
    """Return floor of the Lagrangian bound for these multipliers, evaluated exactly."""
    pi = _scaled(multipliers.pi)
    sigma = _scaled(multipliers.sigma)
    lam = _scaled(multipliers.lam)
    reduced = (
        columns.weight * SCALE
        - pi[columns.first, columns.slot]
        - pi[columns.second, columns.slot]
        - sigma[columns.slot]
        - lam[columns.first]
        - lam[columns.second]
    )
    best = np.zeros(len(problem.pairs), dtype=np.int64)
    np.maximum.at(best, columns.pair, reduced)
    tables = np.asarray(problem.tables, dtype=np.int64)
    capacity = np.asarray(problem.capacity, dtype=np.int64)
    total = (
        int(best.sum()) + int(pi.sum()) + int((tables * sigma).sum()) + int((capacity * lam).sum())
    )
    return total // SCALE


def _scaled(values: FloatArray) -> IntArray:
    clean = np.nan_to_num(np.clip(values, 0.0, 1e9), nan=0.0, posinf=1e9)
    return np.floor(clean * SCALE).astype(np.int64)


def trivial_multipliers(problem: Problem) -> Multipliers:
    people, slots = len(problem.people), len(problem.slots)
    return Multipliers(np.zeros((people, slots)), np.zeros(slots), np.zeros(people))
