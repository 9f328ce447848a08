"""The second judged set (build_text_set.py): coded fields partial, grades from the text."""

import json
from pathlib import Path

import pytest

from goglobal.engines.matching.cli import main
from goglobal.engines.matching.evalset import load_judged_set
from goglobal.engines.matching.evaluate import evaluate

DATA = Path(__file__).parent / "data" / "text_set.json"


def test_text_set_is_made_as_the_issue_asks():
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    judged = load_judged_set(raw)
    only_text = [
        p for p in raw["providers"]
        if not (p.get("office_markets") or p.get("network_markets")) or not p.get("sectors")
    ]  # fmt: skip

    assert len(judged.queries) >= 80
    assert len(judged.providers) >= 400
    assert len(only_text) >= len(raw["providers"]) / 3
    assert sum(1 for p in judged.providers if not p.needs) >= 40
    assert {q.language for q in judged.queries} == {"en", "zh-hans", "zh-hant"}


@pytest.fixture(scope="module")
def figures():
    return evaluate(load_judged_set(DATA))


def test_engine_beats_every_baseline_on_the_text_set(figures):
    for baseline in figures["baselines"].values():
        assert figures["ndcg@10"] > baseline["ndcg@10"] + 0.2
    assert figures["ndcg@10"] >= 0.80


def test_languages_within_three_points_on_the_text_set(figures):
    scores = [part["ndcg@10"] for part in figures["by_language"].values()]

    assert len(scores) == 3
    assert max(scores) - min(scores) <= 0.03


def test_per_query_prints_one_row_per_query(capsys):
    assert main([str(DATA), "--per-query"]) == 0
    out = capsys.readouterr().out

    assert out.count("\ntq-") == 90
