from goglobal.engines.matching.investors import (
    FundraisingQuery,
    InvestorProfile,
    amount_from_text,
    rank_investors,
)
from goglobal.engines.matching.markets import MarketFacts, rank_markets


def test_stated_market_with_agreements_and_office_ranks_first():
    markets = [
        MarketFacts("AE", gdp_usd=5e11, growth=3.0),
        MarketFacts(
            "VN",
            stated=True,
            gdp_usd=4e11,
            growth=6.0,
            agreements=(("cdta", "in_force"), ("ippa", "signed")),
            office_cities=("Hanoi",),
            sector_providers=3,
        ),
        MarketFacts("TH", via_group="asean", gdp_usd=5e11, growth=2.0),
    ]

    ranked = rank_markets(markets, sector="38")

    assert [m.code for m in ranked] == ["VN", "TH", "AE"]
    codes = [code for code, _ in ranked[0].reasons]
    assert codes[0] == "market.stated"
    assert "market.agreement" in codes
    assert "market.hk_office" in codes
    assert ("market.sector_providers", {"count": 3, "sector": "38"}) in ranked[0].reasons
    assert all(0 <= v <= 1 for v in ranked[0].parts.values())


def test_market_ties_break_on_code():
    ranked = rank_markets([MarketFacts("TH"), MarketFacts("ID"), MarketFacts("MY")])

    assert [m.code for m in ranked] == ["ID", "MY", "TH"]


def test_amounts_are_read_from_notes_in_both_languages():
    assert amount_from_text("计划融资5000万元") == (5e7, "CNY")
    assert amount_from_text("拟募资2亿人民币") == (2e8, "CNY")
    assert amount_from_text("Raise USD 30 million for growth") == (3e7, "USD")
    assert amount_from_text("We have 3 factories") is None


def test_investors_rank_by_stage_sector_and_ticket():
    query = FundraisingQuery(
        sector="38", stages=frozenset({"growth"}), amount_usd=2e7, amount_source="notes"
    )
    fits = InvestorProfile(
        "b", frozenset({"38"}), frozenset({"growth"}), ticket_min_usd=1e7, ticket_max_usd=5e7
    )
    too_small = InvestorProfile(
        "a", frozenset({"38"}), frozenset({"growth"}), ticket_min_usd=1e5, ticket_max_usd=1e6
    )
    wrong_stage = InvestorProfile("c", frozenset(), frozenset({"seed"}))

    ranked = rank_investors([wrong_stage, too_small, fits], query)

    assert [m.id for m in ranked] == ["b", "a", "c"]
    assert ("investor.ticket_fits", {"millions": 20.0, "source": "notes"}) in ranked[0].reasons
    assert ranked[1].reasons[-1][0] == "investor.ticket_outside"
