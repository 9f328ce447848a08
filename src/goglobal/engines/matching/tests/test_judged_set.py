"""The bundled judged set: size, languages, the engine above every baseline, parity."""

from pathlib import Path

from goglobal.engines.matching.evalset import load_judged_set
from goglobal.engines.matching.evaluate import engine_ranker, evaluate
from goglobal.engines.matching.metrics import mean, ndcg

DATA = Path(__file__).parent / "data" / "judged_set.json"


def test_bundled_set_is_big_enough_and_in_three_languages():
    judged = load_judged_set(DATA)

    assert len(judged.queries) >= 80
    assert len(judged.providers) >= 400
    assert {q.language for q in judged.queries} == {"en", "zh-hans", "zh-hant"}


def test_engine_beats_every_baseline():
    figures = evaluate(load_judged_set(DATA))

    for baseline in figures["baselines"].values():
        assert figures["ndcg@10"] > baseline["ndcg@10"] + 0.2
    assert figures["ndcg@10"] >= 0.85


def test_simplified_and_english_versions_score_within_three_points():
    judged = load_judged_set(DATA)
    ranking = engine_ranker(judged)
    by_id = {q.id: q for q in judged.queries}
    pairs = [(k, k.removesuffix("-zh-hans") + "-en") for k in by_id if k.endswith("-zh-hans")]
    pairs = [(zh, en) for zh, en in pairs if en in by_id]

    chinese = mean([ndcg(ranking(by_id[zh]), by_id[zh].relevant) for zh, _ in pairs])
    english = mean([ndcg(ranking(by_id[en]), by_id[en].relevant) for _, en in pairs])

    assert len(pairs) >= 20
    assert abs(chinese - english) <= 0.03
