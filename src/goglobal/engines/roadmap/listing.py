"""Listing routes on the Stock Exchange of Hong Kong under the rules in force on ``as_of``.

Each route says whether the quantitative tests are met: true, false, or null when a figure the
tests need is absent (named in ``reasons``). What a profile cannot show (investors, waivers,
suitability) goes in ``conditions``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from goglobal.engines.roadmap.context import (
    Context,
    Tri,
    add,
    all_of,
    any_of,
    at_least,
    missing,
    number,
    reason,
)
from goglobal.engines.roadmap.model import Reason

BIOTECH_DIVISIONS = {"27"}  # GB/T 4754-2017: pharmaceutical manufacturing
# Divisions where a specialist technology company (Chapter 18C's five industries) can sit:
# materials, machinery, vehicles, aerospace, electrical and electronic equipment, instruments,
# power generation, telecommunications, internet, software, research and technical services.
SPECIALIST_DIVISIONS = {
    "26", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40",
    "44", "63", "64", "65", "73", "74", "75",
}  # fmt: skip
SPECIALIST_SECTIONS = {"I", "M"}
STAGE_ORDER = ("preclinical", "phase_1", "phase_2", "phase_3", "approved")


def _route(name: str) -> dict[str, Any]:
    return {
        "route": name,
        "eligible": None,
        "tests": [],
        "conditions": [],
        "reasons": [],
        "facts": [],
    }


def _function_fact(ctx: Context, code: str, facts: list[str]) -> None:
    for function in ctx.snapshot.functions:
        if function.code == code:
            add(facts, function.fact)
            for point in function.points:
                if point.kind == "threshold":
                    add(facts, point.fact)


def _market_cap(ctx: Context, facts: list[str], reasons: list[Reason]) -> Decimal | None:
    cap = ctx.money_hkd(ctx.profile.expected_market_cap, facts, reasons)
    if ctx.profile.expected_market_cap is None:
        missing(reasons, "enterprise.expected_market_cap")
    return cap


def _not_in_force(route: dict[str, Any], ctx: Context, code: str) -> bool:
    """True (and the route closed) when the route's rule was not yet in force on ``as_of``."""
    if ctx.snapshot.rule(code, ctx.on) is not None:
        return False
    starts = [rule.effective_from for rule in ctx.snapshot.rules if rule.code == code]
    route["eligible"] = False
    route["reasons"].append(
        reason(
            "route.not_in_force",
            route=route["route"],
            on=ctx.on.isoformat(),
            since=min(starts).isoformat() if starts else None,
        )
    )
    for rule in ctx.snapshot.rules:
        if rule.code == code:
            add(route["facts"], rule.fact)
    return True


def _already_listed_in_hong_kong(route: dict[str, Any], ctx: Context) -> bool:
    if ctx.profile.listing_status != "h_share":
        return False
    route["eligible"] = False
    route["reasons"].append(reason("route.already_listed_hk"))
    return True


def main_board(ctx: Context) -> dict[str, Any]:
    route = _route("main_board")
    facts: list[str] = route["facts"]
    _function_fact(ctx, "listing-main-board", facts)
    if _already_listed_in_hong_kong(route, ctx):
        ctx.rule("hkex.mb.profit_latest_year", facts)
        return route
    reasons: list[Reason] = route["reasons"]
    cap = _market_cap(ctx, facts, reasons)
    minimum = ctx.value("hkex.mb.min_market_cap", facts)
    # Profit test, rule 8.05(1), with the minimum market capitalisation of rule 8.09(2).
    p_latest = ctx.value("hkex.mb.profit_latest_year", facts)
    p_before = ctx.value("hkex.mb.profit_two_preceding_years", facts)
    latest = ctx.figure("profit", 0, facts, reasons)
    before1 = ctx.figure("profit", 1, facts, reasons)
    before2 = ctx.figure("profit", 2, facts, reasons)
    before = None if before1 is None or before2 is None else before1 + before2
    profit_met = all_of(
        [at_least(latest, p_latest), at_least(before, p_before), at_least(cap, minimum)]
    )
    if p_latest is None:
        profit_met = False if _rule_absent(ctx, route, "hkex.mb.profit_latest_year") else None
    route["tests"].append(
        {
            "test": "profit",
            "met": profit_met,
            "figures": {
                "profit_latest_year_hkd": number(latest),
                "profit_two_preceding_years_hkd": number(before),
                "market_cap_hkd": number(cap),
                "threshold_latest_year_hkd": number(p_latest),
                "threshold_two_preceding_years_hkd": number(p_before),
                "threshold_market_cap_hkd": number(minimum),
            },
        }
    )
    # Market capitalisation / revenue test, rule 8.05(3).
    revenue = ctx.figure("revenue", 0, facts, reasons)
    mr_cap = ctx.value("hkex.mb.mcap_revenue.market_cap", facts)
    mr_rev = ctx.value("hkex.mb.mcap_revenue.revenue", facts)
    mr_met = all_of([at_least(cap, mr_cap), at_least(revenue, mr_rev)])
    if mr_cap is None:
        mr_met = False if _rule_absent(ctx, route, "hkex.mb.mcap_revenue.market_cap") else None
    route["tests"].append(
        {
            "test": "market_cap_revenue",
            "met": mr_met,
            "figures": {
                "market_cap_hkd": number(cap),
                "revenue_hkd": number(revenue),
                "threshold_market_cap_hkd": number(mr_cap),
                "threshold_revenue_hkd": number(mr_rev),
            },
        }
    )
    # Market capitalisation / revenue / cash flow test, rule 8.05(2).
    mrc_cap = ctx.value("hkex.mb.mcap_revenue_cash_flow.market_cap", facts)
    mrc_rev = ctx.value("hkex.mb.mcap_revenue_cash_flow.revenue", facts)
    mrc_cf = ctx.value("hkex.mb.mcap_revenue_cash_flow.operating_cash_flow", facts)
    flows = [ctx.figure("operating_cash_flow", offset, facts, reasons) for offset in range(3)]
    known = [value for value in flows if value is not None]
    flow = sum(known, Decimal(0)) if len(known) == len(flows) else None
    mrc_met = all_of([at_least(cap, mrc_cap), at_least(revenue, mrc_rev), at_least(flow, mrc_cf)])
    if mrc_cap is None:
        mrc_met = (
            False if _rule_absent(ctx, route, "hkex.mb.mcap_revenue_cash_flow.market_cap") else None
        )
    route["tests"].append(
        {
            "test": "market_cap_revenue_cash_flow",
            "met": mrc_met,
            "figures": {
                "market_cap_hkd": number(cap),
                "revenue_hkd": number(revenue),
                "operating_cash_flow_three_years_hkd": number(flow),
                "threshold_market_cap_hkd": number(mrc_cap),
                "threshold_revenue_hkd": number(mrc_rev),
                "threshold_operating_cash_flow_hkd": number(mrc_cf),
            },
        }
    )
    route["eligible"] = any_of(test["met"] for test in route["tests"])
    if route["eligible"] is not None:  # decided: the missing figures did not matter
        route["reasons"] = [r for r in reasons if r[0] != "figure.missing"]
    if route["eligible"] is True:
        met = [test["test"] for test in route["tests"] if test["met"]]
        route["reasons"].insert(0, reason("main_board.met", tests=met))
    elif route["eligible"] is False:
        route["reasons"].insert(0, reason("main_board.not_met"))
    _explain_profit_rule(ctx, route)
    route["conditions"] += [
        reason("condition.trading_record", years=3),
        reason("condition.management_continuity"),
        reason("condition.public_float"),
        reason("condition.suitability"),
    ]
    return route


def _rule_absent(ctx: Context, route: dict[str, Any], code: str) -> bool:
    route["reasons"].append(reason("rule.not_recorded", rule=code, on=ctx.on.isoformat()))
    return False


def _explain_profit_rule(ctx: Context, route: dict[str, Any]) -> None:
    rule = ctx.snapshot.rule("hkex.mb.profit_latest_year", ctx.on)
    preceding = ctx.snapshot.rule("hkex.mb.profit_two_preceding_years", ctx.on)
    if rule is not None and rule.value is not None:
        route["reasons"].append(
            reason(
                "rule.profit_in_force",
                latest_hkd=number(rule.value),
                preceding_hkd=number(preceding.value) if preceding else None,
                since=rule.effective_from.isoformat(),
            )
        )


def chapter_18a(ctx: Context) -> dict[str, Any]:
    route = _route("chapter_18a")
    facts: list[str] = route["facts"]
    reasons: list[Reason] = route["reasons"]
    _function_fact(ctx, "listing-18a", facts)
    if _already_listed_in_hong_kong(route, ctx) or _not_in_force(route, ctx, "hkex.18a.market_cap"):
        return route
    stage = ctx.profile.core_product_stage
    biotech = stage is not None or ctx.profile.sector in BIOTECH_DIVISIONS
    if not biotech:
        route["eligible"] = False
        reasons.append(reason("route.18a_not_biotech", sector=ctx.profile.sector))
        ctx.rule("hkex.18a.market_cap", facts)
        return route
    cap = _market_cap(ctx, facts, reasons)
    threshold = ctx.value("hkex.18a.market_cap", facts)
    cap_met = at_least(cap, threshold)
    route["tests"].append(
        {
            "test": "market_cap",
            "met": cap_met,
            "figures": {
                "market_cap_hkd": number(cap),
                "threshold_market_cap_hkd": number(threshold),
            },
        }
    )
    ctx.rule("hkex.18a.core_product_stage", facts)
    if stage is None:
        stage_met: Tri = None
        missing(reasons, "enterprise.core_product_stage")
    else:
        stage_met = STAGE_ORDER.index(stage) >= STAGE_ORDER.index("phase_2")
        if not stage_met:
            reasons.append(reason("18a.core_product_early", stage=stage))
    route["tests"].append(
        {
            "test": "core_product",
            "met": stage_met,
            "figures": {"stage": stage, "minimum": "phase_2"},
        }
    )
    years = len(ctx.profile.financials)
    needed = ctx.value("hkex.18a.track_record_years", facts)
    tests = [cap_met, stage_met]
    if needed is not None and years >= needed:
        route["tests"].append(
            {
                "test": "track_record",
                "met": True,
                "figures": {"years": years, "minimum": number(needed)},
            }
        )
    else:
        route["conditions"].append(reason("condition.18a_track_record", years=number(needed)))
    route["eligible"] = all_of(tests)
    if cap_met is False:
        reasons.append(
            reason(
                "18a.market_cap_low", market_cap_hkd=number(cap), threshold_hkd=number(threshold)
            )
        )
    if route["eligible"] is True:
        reasons.insert(0, reason("18a.met"))
    wc = ctx.value("hkex.18a.working_capital_pct", facts)
    route["conditions"] += [
        reason("condition.18a_working_capital", pct=number(wc)),
        reason("condition.18a_sophisticated_investor"),
        reason("condition.18a_public_float"),
    ]
    return route


def _rnd_share(
    ctx: Context, facts: list[str], reasons: list[Reason]
) -> tuple[list[Decimal | None], Decimal | None]:
    """R&D spending as a share of operating expenditure (%), yearly (latest three) and overall."""
    yearly: list[Decimal | None] = []
    total_rnd, total_opex, complete = Decimal(0), Decimal(0), True
    for entry in ctx.profile.financials[-3:]:
        if entry.rnd_expense is None or entry.operating_expense is None:
            name = "rnd_expense" if entry.rnd_expense is None else "operating_expense"
            missing(reasons, f"enterprise.financials[year={entry.year}].{name}")
            yearly.append(None)
            complete = False
            continue
        if entry.operating_expense == 0:
            yearly.append(None)
            complete = False
            continue
        yearly.append(entry.rnd_expense * 100 / entry.operating_expense)
        total_rnd += entry.rnd_expense
        total_opex += entry.operating_expense
    if not ctx.profile.financials:
        missing(reasons, "enterprise.financials")
    overall = total_rnd * 100 / total_opex if complete and total_opex else None
    return yearly, overall


def _pct(share: Decimal | None) -> float | None:
    return None if share is None else float(share.quantize(Decimal("0.01")))


def _share_met(yearly: list[Decimal | None], overall: Decimal | None, pct: Decimal | None) -> Tri:
    """At least ``pct`` overall and in at least two of three years (every year when fewer)."""
    if pct is None or overall is None:
        return None
    needed = min(2, len(yearly))
    return (
        overall >= pct
        and sum(1 for share in yearly if share is not None and share >= pct) >= needed
    )


def chapter_18c(ctx: Context) -> dict[str, Any]:  # noqa: C901 - two categories, four tests
    route = _route("chapter_18c")
    facts: list[str] = route["facts"]
    reasons: list[Reason] = route["reasons"]
    _function_fact(ctx, "listing-18c", facts)
    if _already_listed_in_hong_kong(route, ctx) or _not_in_force(
        route, ctx, "hkex.18c.commercial_market_cap"
    ):
        return route
    sector = ctx.profile.sector
    section_ok = sector in SPECIALIST_SECTIONS or sector in SPECIALIST_DIVISIONS
    if not section_ok:
        route["eligible"] = False
        reasons.append(reason("route.18c_not_specialist", sector=sector))
        ctx.rule("hkex.18c.commercial_market_cap", facts)
        return route
    cap = _market_cap(ctx, facts, reasons)
    revenue = ctx.figure("revenue", 0, facts, reasons)
    c_revenue = ctx.value("hkex.18c.commercial_revenue", facts)
    c_rule = ctx.rule("hkex.18c.commercial_market_cap", facts)
    p_rule = ctx.rule("hkex.18c.pre_commercial_market_cap", facts)
    c_cap = None if c_rule is None else c_rule.value
    p_cap = None if p_rule is None else p_rule.value
    for rule in (c_rule, p_rule):
        if rule is not None and rule.temporary:
            standing = ctx.snapshot.suspended(rule.code, ctx.on)
            for row in standing:
                add(facts, row.fact)
            reasons.append(
                reason(
                    "rule.temporary",
                    rule=rule.code,
                    value_hkd=number(rule.value),
                    standing_hkd=number(standing[0].value) if standing else None,
                    since=rule.effective_from.isoformat(),
                    until=rule.effective_to.isoformat() if rule.effective_to else None,
                )
            )
    commercial = at_least(revenue, c_revenue)
    yearly, overall = _rnd_share(ctx, facts, reasons)
    c_pct = ctx.value("hkex.18c.rnd_share_commercial", facts)
    p_rule_pct = ctx.rule("hkex.18c.rnd_share_pre_commercial", facts)
    p_pct = None if p_rule_pct is None else p_rule_pct.value
    if (
        p_rule_pct is not None
        and revenue is not None
        and p_rule_pct.data.get("reduced_pct") is not None
    ):
        reduced_from = Decimal(str(p_rule_pct.data.get("reduced_revenue_from", 0)))
        if revenue >= reduced_from and commercial is False:
            p_pct = Decimal(str(p_rule_pct.data["reduced_pct"]))
    c_met = all_of([commercial, at_least(cap, c_cap)])
    p_met = all_of([None if commercial is None else not commercial, at_least(cap, p_cap)])
    c_share = _share_met(yearly, overall, c_pct)
    p_share = _share_met(yearly, overall, p_pct)
    shares = [_pct(share) for share in yearly]
    route["tests"] += [
        {
            "test": "commercial",
            "met": c_met,
            "figures": {
                "revenue_hkd": number(revenue),
                "threshold_revenue_hkd": number(c_revenue),
                "market_cap_hkd": number(cap),
                "threshold_market_cap_hkd": number(c_cap),
                "temporary": bool(c_rule and c_rule.temporary),
            },
        },
        {
            "test": "pre_commercial",
            "met": p_met,
            "figures": {
                "revenue_hkd": number(revenue),
                "market_cap_hkd": number(cap),
                "threshold_market_cap_hkd": number(p_cap),
                "temporary": bool(p_rule and p_rule.temporary),
            },
        },
        {
            "test": "rnd_share_commercial",
            "met": c_share,
            "figures": {
                "yearly_pct": shares,
                "overall_pct": _pct(overall),
                "threshold_pct": number(c_pct),
            },
        },
        {
            "test": "rnd_share_pre_commercial",
            "met": p_share,
            "figures": {
                "yearly_pct": shares,
                "overall_pct": _pct(overall),
                "threshold_pct": number(p_pct),
            },
        },
    ]
    if commercial is None and cap is not None and c_cap is not None and p_cap is not None:
        # Without revenue the category is unknown; below both thresholds it fails either way.
        if cap < min(c_cap, p_cap):
            route["eligible"] = False
        else:
            route["eligible"] = None
    else:
        route["eligible"] = any_of([all_of([c_met, c_share]), all_of([p_met, p_share])])
    if commercial is True:
        reasons.insert(
            0,
            reason("18c.commercial", revenue_hkd=number(revenue), threshold_hkd=number(c_revenue)),
        )
    elif commercial is False:
        reasons.insert(
            0,
            reason(
                "18c.pre_commercial", revenue_hkd=number(revenue), threshold_hkd=number(c_revenue)
            ),
        )
    years = ctx.value("hkex.18c.rnd_years", facts)
    if years is None or len(ctx.profile.financials) < years:
        route["conditions"].append(reason("condition.18c_rnd_years", years=number(years)))
    route["conditions"] += [
        reason("condition.18c_specialist_technology"),
        reason("condition.18c_sophisticated_investors"),
    ]
    if commercial is not True:
        route["conditions"].append(reason("condition.18c_path_to_commercialisation"))
    return route


def secondary_listing(ctx: Context) -> dict[str, Any]:  # noqa: C901 - two regimes
    """Chapter 19C: a secondary listing for an issuer primary listed on a Qualifying Exchange."""
    route = _route("secondary_listing")
    facts: list[str] = route["facts"]
    reasons: list[Reason] = route["reasons"]
    _function_fact(ctx, "listing-19c", facts)
    if _not_in_force(route, ctx, "hkex.19c.wvr.market_cap"):
        return route
    listing = ctx.profile.listing
    if ctx.profile.listing_status == "a_share":
        route["eligible"] = False
        reasons.append(reason("19c.a_share_not_qualifying"))
        ctx.rule("hkex.19c.wvr.market_cap", facts)
        return route
    exchange = listing.exchange if listing else None
    if exchange == "other":
        route["eligible"] = False
        reasons.append(reason("19c.not_qualifying_exchange"))
        ctx.rule("hkex.19c.wvr.market_cap", facts)
        return route
    # The exchange and the compliance record are not part of the profile format: without the
    # optional ``listing`` block they are conditions, and the market cap tests decide.
    qualifying: Tri = True
    if exchange is None:
        route["conditions"].append(reason("condition.19c_qualifying_exchange"))
    cap_money = (
        listing.market_cap if listing and listing.market_cap else ctx.profile.expected_market_cap
    )
    cap = ctx.money_hkd(cap_money, facts, reasons)
    if cap_money is None:
        missing(reasons, "enterprise.expected_market_cap")
    revenue = ctx.figure("revenue", 0, facts, reasons)
    years = listing.years if listing else None
    wvr = listing.weighted_voting_rights if listing else None
    big = ctx.value("hkex.19c.wvr.market_cap", facts)
    mid = ctx.value("hkex.19c.wvr.market_cap_with_revenue", facts)
    rev = ctx.value("hkex.19c.wvr.revenue", facts)
    wvr_years = ctx.value("hkex.19c.wvr.compliance_years", facts)
    if years is None:
        route["conditions"].append(reason("condition.19c_years_unknown"))
    ydec = Decimal(99) if years is None else Decimal(years)  # unknown: a condition, not a test
    wvr_test = all_of(
        [
            at_least(ydec, wvr_years),
            any_of([at_least(cap, big), all_of([at_least(cap, mid), at_least(revenue, rev)])]),
        ]
    )
    a_cap = ctx.value("hkex.19c.no_wvr.a.market_cap", facts)
    tests: list[dict[str, Any]] = []
    if a_cap is None:
        # Before 1 January 2022 a Greater China issuer (every mainland enterprise) met the same
        # criteria with or without weighted voting rights.
        reasons.append(reason("19c.greater_china_before_2022"))
        tests.append(
            {
                "test": "greater_china_issuer",
                "met": wvr_test,
                "figures": _19c_figures(cap, revenue, years, big, mid, rev, wvr_years),
            }
        )
        met = all_of([qualifying, wvr_test])
    else:
        a_years = ctx.value("hkex.19c.no_wvr.a.compliance_years", facts)
        b_cap = ctx.value("hkex.19c.no_wvr.b.market_cap", facts)
        b_years = ctx.value("hkex.19c.no_wvr.b.compliance_years", facts)
        a_test = all_of([at_least(ydec, a_years), at_least(cap, a_cap)])
        b_test = all_of([at_least(ydec, b_years), at_least(cap, b_cap)])
        no_wvr = any_of([a_test, b_test])
        tests += [
            {
                "test": "with_wvr",
                "met": wvr_test,
                "figures": _19c_figures(cap, revenue, years, big, mid, rev, wvr_years),
            },
            {
                "test": "without_wvr_criteria_a",
                "met": a_test,
                "figures": {
                    "market_cap_hkd": number(cap),
                    "threshold_market_cap_hkd": number(a_cap),
                    "years": years,
                    "minimum_years": number(a_years),
                },
            },
            {
                "test": "without_wvr_criteria_b",
                "met": b_test,
                "figures": {
                    "market_cap_hkd": number(cap),
                    "threshold_market_cap_hkd": number(b_cap),
                    "years": years,
                    "minimum_years": number(b_years),
                },
            },
        ]
        if wvr is True:
            chosen = wvr_test
        elif wvr is False:
            chosen = no_wvr
        else:
            chosen = wvr_test if wvr_test == no_wvr else None
            if chosen is None:
                missing(reasons, "enterprise.listing.weighted_voting_rights")
        met = all_of([qualifying, chosen])
    route["tests"] = tests
    route["eligible"] = met
    if met is True:
        reasons.insert(0, reason("19c.met"))
    route["conditions"] += [
        reason("condition.19c_innovative"),
        reason("condition.19c_compliance_record"),
    ]
    return route


def _19c_figures(
    cap: Decimal | None,
    revenue: Decimal | None,
    years: int | None,
    big: Decimal | None,
    mid: Decimal | None,
    rev: Decimal | None,
    minimum_years: Decimal | None,
) -> dict[str, Any]:
    return {
        "market_cap_hkd": number(cap),
        "revenue_hkd": number(revenue),
        "years": years,
        "threshold_market_cap_hkd": number(big),
        "threshold_market_cap_with_revenue_hkd": number(mid),
        "threshold_revenue_hkd": number(rev),
        "minimum_years": number(minimum_years),
    }


def listing_routes(ctx: Context) -> list[dict[str, Any]]:
    routes = [main_board(ctx), chapter_18a(ctx), chapter_18c(ctx)]
    if ctx.profile.listing_status in ("overseas", "a_share"):
        routes.append(secondary_listing(ctx))
    for route in routes:
        for fact in route["facts"]:
            ctx.used.setdefault(fact, None)
    return routes
