import math

import pytest

from goglobal.engines.matching.metrics import ndcg, recall, reciprocal_rank, summary


def test_ndcg_by_hand():
    relevant = {"a": 3, "b": 1}

    # ranking b, x, a: DCG = 1/log2(2) + 7/log2(4) = 1 + 3.5; ideal a, b = 7 + 1/log2(3)
    value = ndcg(["b", "x", "a"], relevant)

    assert value == pytest.approx(4.5 / (7 + 1 / math.log2(3)))
    assert ndcg(["a", "b"], relevant) == pytest.approx(1.0)
    assert ndcg(["a"], {"a": 0}) is None


def test_ndcg_cuts_at_k():
    assert ndcg(["x", "a"], {"a": 3}, k=1) == 0


def test_recall_and_mrr_count_grades_two_and_up():
    relevant = {"a": 3, "b": 2, "c": 1}

    assert recall(["c", "a", "x"], relevant) == pytest.approx(0.5)
    assert reciprocal_rank(["c", "x", "b"], relevant) == pytest.approx(1 / 3)
    assert reciprocal_rank(["c"], relevant) == 0
    assert recall(["a"], {"a": 1}) is None


def test_summary_averages_defined_queries_only():
    figures = summary([["a"], ["x"]], [{"a": 3}, {"x": 1}])

    assert figures == {"ndcg@10": 1.0, "recall@20": 1.0, "mrr": 1.0}
