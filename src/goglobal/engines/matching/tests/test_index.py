import random

from goglobal.engines.matching import ProviderIndex, rank
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


def test_remove_and_replace_one_provider():
    index = ProviderIndex([provider("a"), provider("b")])

    index.remove("a")
    index.add(provider("b", office_markets=frozenset({"TH"}), description="For battery makers."))

    assert len(index) == 1
    assert "a" not in index
    assert rank(index, query()) == []
    assert [m.id for m in rank(index, query(market="TH"))] == ["b"]
