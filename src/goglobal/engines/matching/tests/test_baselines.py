"""The baselines match-eval prints beside the engine: what each one ranks by."""

from __future__ import annotations

import numpy as np

from goglobal.engines.matching.baselines import attribute_share, rank_by_blend
from goglobal.engines.matching.tests.factories import provider, query


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_attribute_share_counts_need_market_sector_and_language():
    fits = provider("p1")  # legal.setup, office in VN, sector 38, speaks zh
    elsewhere = provider("p2", office_markets=frozenset({"TH"}), sectors=frozenset())
    english = provider("p3", languages=frozenset({"en"}))

    assert attribute_share(fits, query()) == 1.0
    assert attribute_share(elsewhere, query()) == 0.5
    assert attribute_share(english, query()) == 0.75


def test_blend_adds_the_cosine_so_the_closer_profile_wins_a_tie_of_attributes():
    near, far = provider("p-near"), provider("p-far")
    vectors = {"p-near": _unit(1.0, 0.1), "p-far": _unit(0.1, 1.0)}

    ranking = rank_by_blend((far, near), query(), vectors, _unit(1.0, 0.0))

    assert ranking == ["p-near", "p-far"]


def test_blend_without_vectors_is_the_attribute_share_with_ties_on_the_id():
    better = provider("p-b")
    worse = provider("p-a", office_markets=frozenset({"TH"}))

    assert rank_by_blend((worse, better), query(), {}, None) == ["p-b", "p-a"]
    assert rank_by_blend((provider("p-b"), provider("p-a")), query(), {}, None) == ["p-a", "p-b"]
