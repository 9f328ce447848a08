import random

import numpy as np
import pytest

from goglobal.engines.matching import ProviderIndex, embed, rank
from goglobal.engines.matching.generator import enterprise, providers, scenario
from goglobal.engines.matching.model import ProviderQuery
from goglobal.engines.matching.tests.factories import provider, query


def test_incremental_changes_equal_a_rebuilt_index():
    truths = [t.provider for t in providers(120, seed=3)]
    replacements = [t.provider for t in providers(20, seed=4)]
    index = ProviderIndex(truths[:80])
    for item in truths[80:]:
        index.add(item)
    for number, item in enumerate(replacements):
        index.add(item.__class__(**{**{n: getattr(item, n) for n in item.__slots__},
                                    "id": truths[number * 3].id}))  # fmt: skip
    for item in truths[100:110]:
        index.remove(item.id)
    final = [index.get(t.id) for t in truths if t.id in index]
    rebuilt = ProviderIndex(final)

    assert index.snapshot() == rebuilt.snapshot()
    rng = random.Random(1)
    for number in range(30):
        item = scenario(f"q{number}", rng)
        asked = ProviderQuery(enterprise(item, ("en", "zh-hans", "zh-hant")[number % 3]), item.need,
                              item.market)  # fmt: skip
        assert rank(index, asked, limit=20) == rank(rebuilt, asked, limit=20)


def test_kept_term_weights_and_masks_follow_every_change():
    """BM25 weights of frequent terms and single-code masks are kept between queries; after
    providers are added, replaced and removed, they are those of an index built afresh."""
    many = [provider(f"p{number:03}") for number in range(300)]  # all name Vietnam and batteries
    index = ProviderIndex(many)
    asked = {"vietnam": 1.0, "battery": 0.5, "incorporation": 0.2}

    def by_id(built: ProviderIndex) -> dict[str, float]:
        scores = built.bm25(asked, k1=1.2, b=0.75)
        return {item.id: float(scores[built.slot_of(item.id)]) for item in built}

    before = by_id(index)  # the weights are now kept
    assert index.mask(["office:TH"]).sum() == 0  # and this mask
    index.add(provider("p000", description="Battery makers only, no Vietnam work."))
    index.add(provider("p999", description="Vietnam, Vietnam and Vietnam.",
                       office_markets=frozenset({"TH"})))  # fmt: skip
    index.remove("p001")
    rebuilt = ProviderIndex([item for item in index])

    assert by_id(index) == pytest.approx(by_id(rebuilt), rel=1e-12)
    after = by_id(index)
    assert after["p000"] != before["p000"]  # its text changed
    assert after["p002"] != before["p002"]  # its text did not, the frequencies did
    assert "p001" not in after
    assert [index.id_of(int(slot)) for slot in np.flatnonzero(index.mask(["office:TH"]))] == [
        "p999"
    ]
    with pytest.raises(ValueError):
        index.mask(["office:TH"])[0] = True  # kept masks are shared: read-only


def test_remove_and_replace_one_provider():
    index = ProviderIndex([provider("a"), provider("b")])

    index.remove("a")
    index.add(provider("b", office_markets=frozenset({"TH"}), description="For battery makers."))

    assert len(index) == 1
    assert "a" not in index
    assert [(m.id, m.reasons[-1][0]) for m in rank(index, query())] == [("b", "market.none")]
    assert [m.id for m in rank(index, query(market="TH"))] == ["b"]


def test_needs_added_or_removed_recompute_every_providers_need_similarity():
    """One more (or one less) need vector: every provider's similarity with each need comes
    from its stored profile vector, for providers indexed before and after the change."""
    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(4, embed.DIMENSIONS)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    texts = {"legal.setup": ("Company formation in Vietnam.", "越南公司注册。")}
    index = ProviderIndex(
        [provider("p0"), provider("p1"), provider("p2")],
        {"p1": vectors[1], "p2": vectors[2]},
        need_texts=texts,
    )

    def similarity(provider_id: str, need: str) -> float:
        values = index.need_similarity(np.array([index.slot_of(provider_id)]), need)
        assert values is not None
        return float(values[0])

    _codes, setup = embed.need_vectors_of(texts)
    assert similarity("p1", "legal.setup") == pytest.approx(float(setup[0] @ vectors[1]), abs=1e-5)

    more = {**texts, "tax.planning": ("Double taxation agreements.", "避免双重征税协定。")}
    index.set_need_texts(more)
    index.add(provider("p3"), vectors[3])
    _codes, both = embed.need_vectors_of(more)
    assert index.need_codes == ("legal.setup", "tax.planning")
    for number in (1, 2, 3):
        for column, need in enumerate(more):
            expected = float(both[column] @ vectors[number])
            assert similarity(f"p{number}", need) == pytest.approx(expected, abs=1e-5)
    assert similarity("p0", "tax.planning") == 0.0

    index.set_need_texts({"tax.planning": more["tax.planning"]})
    assert index.need_similarity(np.array([index.slot_of("p1")]), "legal.setup") is None
    assert similarity("p2", "tax.planning") == pytest.approx(float(both[1] @ vectors[2]), abs=1e-5)
