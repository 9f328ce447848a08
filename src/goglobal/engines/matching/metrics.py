"""Ranking metrics on graded relevance (0–3; unlisted providers count as 0).

- nDCG@k: gain ``2**grade - 1``, discount ``log2(position + 1)``, divided by the ideal ordering
  of all graded providers. Queries with nothing graded above 0 are left out of the mean.
- recall@k: share of the providers graded ≥ 2 found in the first k. MRR: 1 / position of the
  first provider graded ≥ 2 (0 when none is ranked). Both leave out queries with none graded ≥ 2.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

GOOD = 2


def dcg(grades: Sequence[int]) -> float:
    return sum((2.0**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))


def ndcg(ranking: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> float | None:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    if ideal <= 0:
        return None
    return dcg([relevant.get(provider, 0) for provider in ranking[:k]]) / ideal


def recall(ranking: Sequence[str], relevant: Mapping[str, int], k: int = 20) -> float | None:
    good = {provider for provider, grade in relevant.items() if grade >= GOOD}
    if not good:
        return None
    return len(good & set(ranking[:k])) / len(good)


def reciprocal_rank(ranking: Sequence[str], relevant: Mapping[str, int]) -> float | None:
    if not any(grade >= GOOD for grade in relevant.values()):
        return None
    for position, provider in enumerate(ranking):
        if relevant.get(provider, 0) >= GOOD:
            return 1 / (position + 1)
    return 0.0


def mean(values: Sequence[float | None]) -> float:
    defined = [value for value in values if value is not None]
    return sum(defined) / len(defined) if defined else 0.0


def summary(
    rankings: Sequence[Sequence[str]], judged: Sequence[Mapping[str, int]]
) -> dict[str, float]:
    """nDCG@10, recall@20 and MRR averaged over queries (each pair: ranking, grades)."""
    pairs = list(zip(rankings, judged, strict=True))
    return {
        "ndcg@10": round(mean([ndcg(ranking, grades) for ranking, grades in pairs]), 4),
        "recall@20": round(mean([recall(ranking, grades) for ranking, grades in pairs]), 4),
        "mrr": round(mean([reciprocal_rank(ranking, grades) for ranking, grades in pairs]), 4),
    }
