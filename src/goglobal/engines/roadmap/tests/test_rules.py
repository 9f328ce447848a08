"""Every rule at the edges of its thresholds and on both sides of each change date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from goglobal.engines.roadmap import build_roadmap, parse_profile
from goglobal.engines.roadmap.tests.kb import shipped

M = 1_000_000
B = 1_000_000_000


def profile(as_of: str = "2026-12-02", **enterprise: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name_en": "Test Co", "sector": "39", "needs": ["fundraising.ipo"]}
    base.update(enterprise)
    return {"format": "goglobal-roadmap-profile/1", "as_of": as_of, "enterprise": base}


def years(*rows: dict[str, Any], currency: str = "HKD", last: int = 2025) -> list[dict[str, Any]]:
    return [
        {"year": last - len(rows) + 1 + index, "currency": currency, **row}
        for index, row in enumerate(rows)
    ]


def cap(amount: float, currency: str = "HKD") -> dict[str, Any]:
    return {"amount": amount, "currency": currency}


def roadmap(data: dict[str, Any]) -> dict[str, Any]:
    return build_roadmap(parse_profile(data, today=date(2026, 12, 2)), shipped()).to_json()


def route(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in doc["listing_routes"] if item["route"] == name)


def met(doc: dict[str, Any], name: str, test_name: str) -> Any:
    return next(t for t in route(doc, name)["tests"] if t["test"] == test_name)["met"]


def step(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in doc["mainland_steps"] if item["step"] == name)


def codes(item: dict[str, Any]) -> list[str]:
    return [reason[0] for reason in item["reasons"]]


# --- Main Board profit test: HK$20m/30m until 31 Dec 2021, HK$35m/45m from 1 Jan 2022 ------

PROFIT_OLD = years({"profit": 15 * M}, {"profit": 15 * M}, {"profit": 20 * M})
PROFIT_NEW = years({"profit": 20 * M}, {"profit": 25 * M}, {"profit": 35 * M})


@pytest.mark.parametrize(
    ("as_of", "financials", "expected"),
    [
        ("2021-12-31", PROFIT_OLD, True),
        ("2022-01-01", PROFIT_OLD, False),
        ("2022-01-01", PROFIT_NEW, True),
        (
            "2022-01-01",
            years({"profit": 20 * M}, {"profit": 25 * M}, {"profit": 35 * M - 1}),
            False,
        ),
        (
            "2022-01-01",
            years({"profit": 20 * M}, {"profit": 25 * M - 1}, {"profit": 35 * M}),
            False,
        ),
        (
            "2021-12-31",
            years({"profit": 15 * M}, {"profit": 15 * M - 1}, {"profit": 20 * M}),
            False,
        ),
    ],
)
def test_profit_test_before_and_after_2022(as_of: str, financials: Any, expected: bool) -> None:
    doc = roadmap(profile(as_of, expected_market_cap=cap(600 * M), financials=financials))
    assert met(doc, "main_board", "profit") is expected
    assert route(doc, "main_board")["eligible"] is expected


def test_profit_test_needs_the_minimum_market_cap() -> None:
    doc = roadmap(profile(expected_market_cap=cap(500 * M - 1), financials=PROFIT_NEW))
    assert met(doc, "main_board", "profit") is False
    doc = roadmap(profile(expected_market_cap=cap(500 * M), financials=PROFIT_NEW))
    assert met(doc, "main_board", "profit") is True


def test_market_cap_revenue_test_edges() -> None:
    rows = years({"revenue": 500 * M, "profit": -1})
    assert (
        met(
            roadmap(profile(expected_market_cap=cap(4 * B), financials=rows)),
            "main_board",
            "market_cap_revenue",
        )
        is True
    )
    assert (
        met(
            roadmap(profile(expected_market_cap=cap(4 * B - 1), financials=rows)),
            "main_board",
            "market_cap_revenue",
        )
        is False
    )
    low = years({"revenue": 500 * M - 1, "profit": -1})
    assert (
        met(
            roadmap(profile(expected_market_cap=cap(4 * B), financials=low)),
            "main_board",
            "market_cap_revenue",
        )
        is False
    )


def test_cash_flow_test_edges() -> None:
    rows = years(
        {"operating_cash_flow": 30 * M, "profit": -1},
        {"operating_cash_flow": 30 * M, "profit": -1},
        {"operating_cash_flow": 40 * M, "revenue": 500 * M, "profit": -1},
    )
    doc = roadmap(profile(expected_market_cap=cap(2 * B), financials=rows))
    assert met(doc, "main_board", "market_cap_revenue_cash_flow") is True
    assert route(doc, "main_board")["eligible"] is True
    rows[2]["operating_cash_flow"] = 40 * M - 1
    doc = roadmap(profile(expected_market_cap=cap(2 * B), financials=rows))
    assert met(doc, "main_board", "market_cap_revenue_cash_flow") is False
    assert route(doc, "main_board")["eligible"] is False


def test_main_board_is_null_only_when_a_needed_figure_is_missing() -> None:
    doc = roadmap(profile(financials=years({"revenue": 600 * M})))
    main = route(doc, "main_board")
    assert main["eligible"] is None
    assert ["figure.missing", {"field": "enterprise.expected_market_cap"}] in main["reasons"]
    doc = roadmap(profile(expected_market_cap=cap(100 * M), financials=years({"revenue": 1})))
    assert route(doc, "main_board")["eligible"] is False  # below every market cap threshold


# --- Chapter 18A ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "stage", "expected"),
    [
        (1.5 * B, "phase_2", True),
        (1.5 * B - 1, "phase_2", False),
        (3 * B, "phase_1", False),
        (3 * B, "preclinical", False),
        (3 * B, "approved", True),
        (3 * B, None, None),
    ],
)
def test_18a_market_cap_and_core_product(amount: float, stage: str | None, expected: Any) -> None:
    extra = {"core_product_stage": stage} if stage else {}
    doc = roadmap(profile(sector="27", expected_market_cap=cap(amount), **extra))
    assert route(doc, "chapter_18a")["eligible"] is expected


def test_18a_not_for_a_non_biotech_and_not_before_30_april_2018() -> None:
    assert (
        route(roadmap(profile(sector="65", expected_market_cap=cap(3 * B))), "chapter_18a")[
            "eligible"
        ]
        is False
    )
    doc = roadmap(
        profile(
            "2018-04-29", sector="27", core_product_stage="phase_3", expected_market_cap=cap(3 * B)
        )
    )
    assert route(doc, "chapter_18a")["eligible"] is False
    assert "route.not_in_force" in codes(route(doc, "chapter_18a"))
    doc = roadmap(
        profile(
            "2018-04-30", sector="27", core_product_stage="phase_3", expected_market_cap=cap(3 * B)
        )
    )
    assert route(doc, "chapter_18a")["eligible"] is True


# --- Chapter 18C: HK$6bn/10bn from 31 Mar 2023; HK$4bn/8bn from 1 Sep 2024 to 31 Aug 2027 ----

COMMERCIAL = years(
    {"revenue": 200 * M, "operating_expense": 100 * M, "rnd_expense": 20 * M},
    {"revenue": 240 * M, "operating_expense": 100 * M, "rnd_expense": 15 * M},
    {"revenue": 250 * M, "operating_expense": 100 * M, "rnd_expense": 15 * M},
)
PRE = years(
    {"revenue": 0, "operating_expense": 100 * M, "rnd_expense": 60 * M},
    {"revenue": 10 * M, "operating_expense": 100 * M, "rnd_expense": 55 * M},
    {"revenue": 20 * M, "operating_expense": 100 * M, "rnd_expense": 50 * M},
)


@pytest.mark.parametrize(
    ("as_of", "amount", "expected"),
    [
        ("2023-03-30", 7 * B, False),  # not yet in force
        ("2023-03-31", 6 * B, True),
        ("2023-03-31", 6 * B - 1, False),
        ("2024-08-31", 4 * B, False),
        ("2024-09-01", 4 * B, True),
        ("2024-09-01", 4 * B - 1, False),
        ("2027-08-31", 4 * B, True),
        ("2027-09-01", 4 * B, False),
        ("2027-09-01", 6 * B, True),
    ],
)
def test_18c_commercial_thresholds_over_time(as_of: str, amount: float, expected: bool) -> None:
    doc = roadmap(profile(as_of, expected_market_cap=cap(amount), financials=COMMERCIAL))
    assert route(doc, "chapter_18c")["eligible"] is expected


@pytest.mark.parametrize(
    ("as_of", "amount", "expected"),
    [
        ("2024-08-31", 8 * B, False),
        ("2024-09-01", 8 * B, True),
        ("2024-09-01", 8 * B - 1, False),
        ("2027-09-01", 8 * B, False),
        ("2027-09-01", 10 * B, True),
    ],
)
def test_18c_pre_commercial_thresholds_over_time(as_of: str, amount: float, expected: bool) -> None:
    doc = roadmap(profile(as_of, expected_market_cap=cap(amount), financials=PRE))
    assert route(doc, "chapter_18c")["eligible"] is expected


def test_18c_temporary_threshold_is_explained_with_the_standing_value() -> None:
    doc = roadmap(profile(expected_market_cap=cap(5 * B), financials=COMMERCIAL))
    temporary = [r for r in route(doc, "chapter_18c")["reasons"] if r[0] == "rule.temporary"]
    assert temporary[0][1]["value_hkd"] == 4 * B
    assert temporary[0][1]["standing_hkd"] == 6 * B
    assert temporary[0][1]["until"] == "2027-08-31"


def test_18c_rnd_share_edges() -> None:
    low = [dict(row) for row in COMMERCIAL]
    low[2]["rnd_expense"] = 15 * M - 1
    low[1]["rnd_expense"] = 15 * M - 1  # two of three years below 15 %
    doc = roadmap(profile(expected_market_cap=cap(10 * B), financials=low))
    assert met(doc, "chapter_18c", "rnd_share_commercial") is False
    assert route(doc, "chapter_18c")["eligible"] is False
    pre = [dict(row) for row in PRE]
    for row in pre:
        row["rnd_expense"] = 49 * M
    doc = roadmap(profile(expected_market_cap=cap(20 * B), financials=pre))
    assert met(doc, "chapter_18c", "rnd_share_pre_commercial") is False
    # revenue of HK$150m to under HK$250m: the pre-commercial share is 30 %
    mid = [dict(row, revenue=150 * M, rnd_expense=30 * M) for row in PRE]
    doc = roadmap(profile(expected_market_cap=cap(9 * B), financials=mid))
    assert met(doc, "chapter_18c", "rnd_share_pre_commercial") is True
    assert route(doc, "chapter_18c")["eligible"] is True


def test_18c_not_for_sectors_outside_specialist_technology() -> None:
    doc = roadmap(profile(sector="52", expected_market_cap=cap(20 * B), financials=PRE))
    assert route(doc, "chapter_18c")["eligible"] is False


# --- Chapter 19C: criteria changed on 1 January 2022 --------------------------------------


def secondary(
    as_of: str, *, wvr: bool | None, listed: int, amount: float, revenue: float = 0
) -> Any:
    listing: dict[str, Any] = {"exchange": "nasdaq", "years": listed, "market_cap": cap(amount)}
    if wvr is not None:
        listing["weighted_voting_rights"] = wvr
    doc = roadmap(
        profile(
            as_of,
            listing_status="overseas",
            listing=listing,
            financials=years({"revenue": revenue}),
        )
    )
    return route(doc, "secondary_listing")["eligible"]


def test_19c_without_wvr_criteria_a_from_2022() -> None:
    assert secondary("2022-01-01", wvr=False, listed=5, amount=3 * B) is True
    assert secondary("2022-01-01", wvr=False, listed=5, amount=3 * B - 1) is False
    assert secondary("2022-01-01", wvr=False, listed=4, amount=3 * B) is False
    assert secondary("2021-12-31", wvr=False, listed=5, amount=3 * B) is False


def test_19c_without_wvr_criteria_b_and_with_wvr() -> None:
    assert secondary("2026-12-02", wvr=False, listed=2, amount=10 * B) is True
    assert secondary("2026-12-02", wvr=False, listed=1, amount=10 * B) is False
    assert secondary("2026-12-02", wvr=True, listed=2, amount=40 * B) is True
    assert secondary("2026-12-02", wvr=True, listed=2, amount=10 * B, revenue=1 * B) is True
    assert secondary("2026-12-02", wvr=True, listed=2, amount=10 * B, revenue=1 * B - 1) is False
    assert secondary("2021-12-31", wvr=True, listed=2, amount=10 * B, revenue=1 * B) is True


def test_19c_wvr_unknown_is_null_when_it_matters() -> None:
    assert secondary("2026-12-02", wvr=None, listed=5, amount=3 * B) is None
    assert secondary("2026-12-02", wvr=None, listed=5, amount=50 * B) is True


def test_19c_a_shares_are_not_on_a_qualifying_exchange() -> None:
    doc = roadmap(profile(listing_status="a_share", expected_market_cap=cap(50 * B)))
    assert route(doc, "secondary_listing")["eligible"] is False


# --- mainland steps -------------------------------------------------------------------------


def test_csrc_filing_for_a_listing_and_not_before_31_march_2023() -> None:
    doc = roadmap(profile(ownership="private"))
    assert step(doc, "csrc_filing")["required"] is True
    assert step(doc, "csrc_filing")["reasons"][0] == ["csrc.listing_abroad", {"days": 3}]
    assert step(roadmap(profile("2023-03-30")), "csrc_filing")["required"] is False
    assert step(roadmap(profile(needs=["hq.regional"])), "csrc_filing")["required"] is False


def test_odi_filing_for_a_hong_kong_entity_state_owned_or_private() -> None:
    soe = roadmap(profile(ownership="state_owned", needs=["hq.regional"]))
    assert step(soe, "odi_filing")["required"] is True
    assert "odi.state_owned" in codes(step(soe, "odi_filing"))
    private = roadmap(profile(ownership="private", needs=["treasury.centre"]))
    assert "odi.private" in codes(step(private, "odi_filing"))
    listing_only = roadmap(profile(ownership="private", needs=["fundraising.ipo"]))
    assert step(listing_only, "odi_filing")["required"] is False


def test_foreign_debt_registration_from_10_february_2023() -> None:
    assert (
        step(roadmap(profile(needs=["fundraising.debt"])), "foreign_debt_registration")["required"]
        is True
    )
    assert (
        step(roadmap(profile(needs=["fundraising.ipo"])), "foreign_debt_registration")["required"]
        is False
    )
    early = roadmap(profile("2023-02-09", needs=["fundraising.debt"]))
    assert step(early, "foreign_debt_registration")["required"] is False


# --- amounts in other currencies --------------------------------------------------------------


def test_usd_amounts_convert_at_the_dated_rate_and_cny_without_a_rate_is_named() -> None:
    doc = roadmap(
        profile(sector="27", core_product_stage="phase_2", expected_market_cap=cap(200 * M, "USD"))
    )
    assert route(doc, "chapter_18a")["eligible"] is True  # US$200m = HK$1.56bn
    doc = roadmap(
        profile(sector="27", core_product_stage="phase_2", expected_market_cap=cap(190 * M, "USD"))
    )
    assert route(doc, "chapter_18a")["eligible"] is False  # HK$1.482bn
    doc = roadmap(
        profile(sector="27", core_product_stage="phase_2", expected_market_cap=cap(2 * B, "CNY"))
    )
    assert route(doc, "chapter_18a")["eligible"] is None
    assert "fx.missing" in codes(route(doc, "chapter_18a"))


# --- functions and markets ------------------------------------------------------------------


def test_treasury_centre_has_the_concession_rate() -> None:
    doc = roadmap(profile(needs=["treasury.centre"]))
    treasury = next(f for f in doc["functions"] if f["function"] == "treasury_centre")
    assert treasury["recommended"] is True
    assert {"code": "ctc_concession", "rate": 8.25} in treasury["tax_points"]
    two_tier = next(t for t in treasury["tax_points"] if t["code"] == "profits_tax_two_tier")
    assert (two_tier["rate"], two_tier["standard_rate"], two_tier["threshold_hkd"]) == (
        8.25,
        16.5,
        2 * M,
    )


def test_every_target_market_is_listed_with_its_treaties() -> None:
    doc = roadmap(profile(target_markets=["JP", "US", "ID"]))
    by = {m["market"]: m for m in doc["markets"]}
    assert {"JP", "US", "ID"} <= set(by)
    assert by["JP"]["cdta"] == "in_force"
    assert by["US"]["cdta"] == "none"
    assert "eto-new-york" in by["US"]["hk_offices"]
    assert "fta-asean" in by["ID"]["fta"]
    assert len(doc["markets"]) == 3 + 5
    assert [m["rank"] for m in doc["markets"]] == list(range(1, 9))
