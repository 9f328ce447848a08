from goglobal.engines.matching import ProviderIndex, Weights, rank
from goglobal.engines.matching.analysis import analyse
from goglobal.engines.matching.tests.factories import battery_maker, provider, query, record

NEUTRAL = "We advise battery makers."  # states no market and no service


def ids(matches):
    return [match.id for match in matches]


def _filtered_index():
    return ProviderIndex(
        [
            provider("a"),
            provider("b", needs=frozenset({"tax.planning"}), description=NEUTRAL),
            provider("c", office_markets=frozenset({"TH"}), description=NEUTRAL),
            provider("d", office_markets=frozenset(), network_markets=frozenset({"VN"})),
            provider("e", office_markets=frozenset(), works_globally=True),
            provider("f"),
        ]
    )


def test_hard_filters_drop_wrong_need_uncovered_market_and_conflicts():
    matches = rank(_filtered_index(), query(conflicted=frozenset({"f"})), limit=3)

    assert sorted(ids(matches)) == ["a", "d", "e"]
    assert all(reason[0] != "market.none" for match in matches for reason in match.reasons)


def test_too_few_in_the_market_fills_with_those_serving_the_need_below_and_says_so():
    """Three cover Vietnam; a fourth place goes to the Thai-office firm that serves the need,
    below all three, with the reason shown. The wrong need and the conflict never come back;
    without a market asked, nobody is outside it."""
    index = _filtered_index()

    matches = rank(index, query(conflicted=frozenset({"f"})))

    assert ids(matches)[3:] == ["c"]
    assert sorted(ids(matches)[:3]) == ["a", "d", "e"]
    assert matches[3].reasons[-1] == ("market.none", {"country": "VN"})
    anywhere = rank(index, query(conflicted=frozenset({"f"}), market=None))
    assert sorted(ids(anywhere)) == ["a", "c", "d", "e"]
    assert all(reason[0] != "market.none" for match in anywhere for reason in match.reasons)


def test_office_beats_network_beats_global():
    index = ProviderIndex(
        [
            provider("global", office_markets=frozenset(), works_globally=True),
            provider("network", office_markets=frozenset(), network_markets=frozenset({"VN"})),
            provider("office"),
        ]
    )

    assert ids(rank(index, query())) == ["office", "network", "global"]


def test_reasons_are_codes_with_parameters():
    index = ProviderIndex([provider("a")])

    match = rank(index, query(track_records=(("a", record(completed=4)),)))[0]

    assert ("market.office", {"country": "VN"}) in match.reasons
    assert ("sector.same", {"sector": "38"}) in match.reasons
    assert ("track_record.completed", {"count": 4, "sector": "38"}) in match.reasons
    assert ("need.category", {"category": "law_firm"}) in match.reasons
    assert ("language.shared", {"languages": "zh"}) in match.reasons
    concepts = dict(match.reasons)["text.concepts"]["concepts"]
    assert "market.vn" in concepts


def test_text_bridges_chinese_query_and_english_profile():
    index = ProviderIndex(
        [
            provider("battery", description="Company incorporation for power battery makers."),
            provider("tea", description="Company incorporation for tea exporters."),
        ]
    )

    assert ids(rank(index, query())) == ["battery", "tea"]


def test_at_capacity_drops_below_others_with_a_reason():
    index = ProviderIndex(
        [provider("full", capacity=2, open_referrals=2), provider("z-weaker", sectors=frozenset())]
    )

    matches = rank(index, query())

    assert ids(matches) == ["z-weaker", "full"]
    assert matches[1].at_capacity
    assert ("capacity.full", {"capacity": 2, "open": 2}) in matches[1].reasons


def test_ties_break_on_id_and_results_are_deterministic():
    index = ProviderIndex([provider(name) for name in ("c", "a", "b")])

    first = rank(index, query())

    assert ids(first) == ["a", "b", "c"]
    assert rank(ProviderIndex([provider(name) for name in ("b", "c", "a")]), query()) == first


def test_track_record_lifts_a_provider():
    index = ProviderIndex([provider("a"), provider("b")])

    matches = rank(index, query(track_records=(("b", record(completed=5)),)))

    assert ids(matches) == ["b", "a"]


def test_limit_and_empty_results():
    index = ProviderIndex([provider(str(n)) for n in range(15)])

    assert len(rank(index, query(), limit=5)) == 5
    assert rank(index, query(need="ip.protection")) == []
    assert rank(ProviderIndex(), query()) == []


def test_weights_change_the_order():
    index = ProviderIndex(
        [
            provider("office-no-sector", sectors=frozenset()),
            provider(
                "network-sector", office_markets=frozenset(), network_markets=frozenset({"VN"})
            ),
        ]
    )

    by_market = rank(index, query(), weights=Weights(market=3, sector=0.1))
    by_sector = rank(index, query(), weights=Weights(market=0.1, sector=3))

    assert ids(by_market)[0] == "office-no-sector"
    assert ids(by_sector)[0] == "network-sector"


def test_without_market_target_markets_count():
    index = ProviderIndex([provider("vn"), provider("de", office_markets=frozenset({"DE"}))])

    matches = rank(index, query(market=None))

    assert ids(matches) == ["vn", "de"]
    assert ("market.targets", {"countries": "VN", "offices": 1}) in matches[0].reasons


def test_a_number_shared_by_two_names_is_no_text_evidence():
    """Registry numbers, years and the numbers in generated names ("Enterprise 30 Co., Ltd.",
    "海港律師行30") say nothing about a service: a provider whose name holds the enterprise's
    number ranks exactly as its twin with another number (it scored a whole text point more,
    which made results depend on which numbers happened to coincide)."""
    twins = [
        provider("a", names=("Harbour Partners 30", "海港律師行30"), description=""),
        provider("b", names=("Harbour Partners 31", "海港律師行31"), description=""),
    ]
    enterprise = battery_maker(names=("中建创业网络有限公司", "Enterprise 30 Co., Ltd."))
    found = rank(ProviderIndex(twins), query(enterprise=enterprise, market=None))

    assert [m.parts["text"] for m in found] == [found[0].parts["text"]] * 2
    assert [m.score for m in found] == [found[0].score] * 2
    assert "30" not in analyse(["Enterprise 30 Co., Ltd. founded 2019, 500 staff"])
    assert {"18c", "5g", "chapter"} <= set(analyse(["Chapter 18C listings for 5G makers"]))
