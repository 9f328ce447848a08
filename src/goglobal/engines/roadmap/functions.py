"""Hong Kong functions: fundraising, regional HQ, treasury centre, R&D hub, supply-chain centre.

Each is recommended (score ≥ 0.5) or not, from the needs the enterprise states and what its
figures show; the score is a sum of documented signals, capped at 1. Tax points come from the
rules in force on ``as_of``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from goglobal.engines.roadmap.context import Context, add, number, reason
from goglobal.engines.roadmap.model import Reason

FUNCTIONS = {
    # function -> (knowledge-base function codes, the needs that ask for it)
    "fundraising": (("listing-main-board", "private-capital", "debt"), ("fundraising.",)),
    "regional_hq": (("regional-hq",), ("hq.regional",)),
    "treasury_centre": (("treasury-centre",), ("treasury.centre",)),
    "rnd_hub": (("rnd-hub",), ("rnd.hub",)),
    "supply_chain_centre": (("supply-chain-centre",), ("supply_chain.centre",)),
}
THRESHOLD = 0.5
BIG_REVENUE_HKD = Decimal(1_000_000_000)


def _relevant(ctx: Context, name: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The knowledge-base functions an item rests on: for fundraising, the listing always and
    private capital or debt only when the enterprise asks for them."""
    if name != "fundraising":
        return codes
    wanted = {"fundraising.private_capital": "private-capital", "fundraising.debt": "debt"}
    return (
        "listing-main-board",
        *(code for need, code in wanted.items() if need in ctx.profile.needs),
    )


def _asks(ctx: Context, prefixes: tuple[str, ...]) -> list[str]:
    return [need for need in ctx.profile.needs if need.startswith(prefixes)]


def _two_tier(ctx: Context, facts: list[str]) -> list[dict[str, Any]]:
    first = ctx.rule("tax.profits.corporation.first_tier_rate", facts)
    standard = ctx.rule("tax.profits.corporation.standard_rate", facts)
    threshold = ctx.rule("tax.profits.first_tier_threshold", facts)
    if first is None or standard is None:
        return []
    return [
        {
            "code": "profits_tax_two_tier",
            "rate": number(first.value),
            "threshold_hkd": number(threshold.value) if threshold else None,
            "standard_rate": number(standard.value),
        }
    ]


def _latest_revenue(ctx: Context, facts: list[str]) -> Decimal | None:
    scratch: list[Reason] = []
    return ctx.figure("revenue", 0, facts, scratch) if ctx.profile.financials else None


def _rnd_share(ctx: Context) -> Decimal | None:
    entry = ctx.year(0)
    if entry is None or entry.rnd_expense is None or not entry.operating_expense:
        return None
    return entry.rnd_expense * 100 / entry.operating_expense


def functions(  # noqa: C901 - one block of signals per function
    ctx: Context, routes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    eligible_routes = [route["route"] for route in routes if route["eligible"] is True]
    targets = len(ctx.profile.target_markets)
    for name, (codes, prefixes) in FUNCTIONS.items():
        facts: list[str] = []
        reasons: list[Reason] = []
        tax: list[dict[str, Any]] = []
        relevant = _relevant(ctx, name, codes)
        for function in ctx.snapshot.functions:
            if function.code in relevant:
                add(facts, function.fact)
                for point in function.points:
                    if point.kind in ("tax", "regulatory"):
                        add(facts, point.fact)
        asked = _asks(ctx, prefixes)
        score = 0.0
        if asked:
            score += 0.6
            reasons.append(reason("function.asked", needs=asked))
        if name == "fundraising":
            if "fundraising.debt" in ctx.profile.needs:
                ctx.rule("ndrc.foreign_debt.min_term_years", facts)
            if eligible_routes:
                score += 0.3
                reasons.append(reason("function.route_eligible", routes=eligible_routes))
            if _asks(ctx, ("treasury.", "hq.")):
                score += 0.1
        elif name == "regional_hq":
            if targets >= 2:
                score += 0.2
                reasons.append(reason("function.several_markets", count=targets))
            if _asks(ctx, ("treasury.", "legal.setup", "talent.")):
                score += 0.1
            tax = _two_tier(ctx, facts)
        elif name == "treasury_centre":
            revenue = _latest_revenue(ctx, facts)
            if targets >= 2:
                score += 0.15
                reasons.append(reason("function.several_markets", count=targets))
            if revenue is not None and revenue >= BIG_REVENUE_HKD:
                score += 0.15
                reasons.append(reason("function.large_group", revenue_hkd=number(revenue)))
            if _asks(ctx, ("hq.regional", "banking.")):
                score += 0.1
            ctc = ctx.rule("tax.ctc.concession_rate", facts)
            if ctc is not None:
                tax.append({"code": "ctc_concession", "rate": number(ctc.value)})
            tax += _two_tier(ctx, facts)
        elif name == "rnd_hub":
            share = _rnd_share(ctx)
            if _asks(ctx, ("ip.protection",)):
                score += 0.1
            if share is not None and share >= 15:
                score += 0.2
                reasons.append(reason("function.research_intensive", pct=round(float(share), 1)))
            tax = _two_tier(ctx, facts)
        elif name == "supply_chain_centre":
            trade = _asks(ctx, ("logistics.", "compliance.trade"))
            if trade:
                score += 0.2
                reasons.append(reason("function.trade_needs", needs=trade))
            if (
                ctx.profile.sector[:1].isdigit() and 13 <= int(ctx.profile.sector) <= 43
            ) and targets:
                score += 0.2
                reasons.append(reason("function.manufacturer_exporting"))
            tax = _two_tier(ctx, facts)
        score = round(min(score, 1.0), 2)
        recommended = score >= THRESHOLD
        if not reasons:
            reasons.append(reason("function.not_asked"))
        for fact in facts:
            ctx.used.setdefault(fact, None)
        out.append(
            {
                "function": name,
                "recommended": recommended,
                "score": score,
                "tax_points": tax,
                "reasons": reasons,
                "facts": facts,
            }
        )
    return out
