"""Exposure fairness: near-equal providers take turns at the top; exposure shares and Gini.

``rotate`` takes the ranked matches and the caller's rotation key (e.g. a counter of suggestions
made). The providers with capacity whose score is within ``margin`` (a share of the top score) of
the first form a pool; the pool is rotated by ``key`` places, so over ``len(pool)`` consecutive
keys each member is shown first once. With ``key = 0`` or ``margin = 0`` nothing moves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from goglobal.engines.matching.model import Match


def rotate(matches: list[Match], key: int, *, margin: float) -> list[Match]:
    if not matches or margin <= 0 or matches[0].at_capacity:
        return matches
    floor = matches[0].score - margin * abs(matches[0].score)
    size = 0
    while size < len(matches) and not matches[size].at_capacity and matches[size].score >= floor:
        size += 1
    shift = key % size if size else 0
    if not shift:
        return matches
    pool = matches[shift:size] + matches[:shift]
    moved = [
        dataclasses.replace(
            match, rotated=True, reasons=(*match.reasons, ("fairness.rotated", {"pool": size}))
        )
        if position < size - shift
        else match
        for position, match in enumerate(pool)
    ]
    return moved + matches[size:]


def exposure_shares(exposures: Mapping[str, int]) -> dict[str, float]:
    """Each provider's share of all exposures (e.g. times shown first, or in the top five)."""
    total = sum(exposures.values())
    if total <= 0:
        return dict.fromkeys(exposures, 0.0)
    return {provider: count / total for provider, count in sorted(exposures.items())}


def gini(exposures: Mapping[str, int] | list[int]) -> float:
    """Gini coefficient of exposure counts: 0 when equal, → 1 when one provider gets all.

    Include providers with zero exposure: they are what makes a distribution unequal.
    """
    values = sorted(exposures.values() if isinstance(exposures, Mapping) else exposures)
    n = len(values)
    total = sum(values)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((2 * (i + 1) - n - 1) * value for i, value in enumerate(values))
    return weighted / (n * total)
