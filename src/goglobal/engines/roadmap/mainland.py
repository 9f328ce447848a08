"""Mainland-side steps: CSRC filing, outbound investment (ODI) filings, foreign debt."""

from __future__ import annotations

from typing import Any

from goglobal.engines.roadmap.context import Context, number, reason

ENTITY_NEEDS = {
    "hq.regional",
    "treasury.centre",
    "rnd.hub",
    "supply_chain.centre",
    "legal.setup",
}
LISTING_NEEDS = {"fundraising.ipo"}
DEBT_NEEDS = {"fundraising.debt"}


def _step(name: str) -> dict[str, Any]:
    return {"step": name, "required": False, "reasons": [], "conditions": [], "facts": []}


def csrc_filing(ctx: Context, routes: list[dict[str, Any]]) -> dict[str, Any]:
    step = _step("csrc_filing")
    facts: list[str] = step["facts"]
    rule = ctx.rule("csrc.filing.deadline_working_days", facts)
    wants = bool(LISTING_NEEDS & set(ctx.profile.needs))
    if rule is None:
        step["reasons"].append(reason("csrc.not_in_force", on=ctx.on.isoformat()))
        ctx.history("csrc.filing.deadline_working_days", facts)
        step["required"] = False
        return step
    days = number(rule.value)
    if wants and ctx.profile.listing_status == "h_share":
        step["required"] = True
        step["reasons"].append(reason("csrc.follow_on", days=days))
    elif wants:
        step["required"] = True
        step["reasons"].append(reason("csrc.listing_abroad", days=days))
        if ctx.profile.ownership == "foreign_invested":
            step["reasons"].append(reason("csrc.foreign_invested_still_domestic"))
    elif (
        ctx.profile.listing_status == "overseas"
        and any(route["route"] == "secondary_listing" for route in routes)
        and {"fundraising.ipo", "fundraising.private_capital"} & set(ctx.profile.needs)
    ):
        step["required"] = True
        step["reasons"].append(reason("csrc.listing_abroad", days=days))
    else:
        step["reasons"].append(reason("csrc.no_offering"))
    if step["required"]:
        step["conditions"].append(reason("condition.csrc_negative_list"))
    return step


def odi_filing(ctx: Context, functions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    step = _step("odi_filing")
    facts: list[str] = step["facts"]
    ndrc = ctx.rule("ndrc.odi.order_11", facts)
    mofcom = ctx.rule("mofcom.odi.measures_2014", facts)
    wanted = sorted(ENTITY_NEEDS & set(ctx.profile.needs))
    entities = [
        item["function"]
        for item in functions or []
        if item["recommended"] and item["function"] != "fundraising"
    ]
    if ndrc is None and mofcom is None:
        step["reasons"].append(reason("odi.not_in_force", on=ctx.on.isoformat()))
        ctx.history("ndrc.odi.order_11", facts)
        ctx.history("mofcom.odi.measures_2014", facts)
        return step
    if wanted or entities:
        step["required"] = True
        if wanted:
            step["reasons"].append(reason("odi.sets_up_entity", needs=wanted))
        if entities:
            step["reasons"].append(reason("odi.function", functions=entities))
        if ctx.profile.ownership == "state_owned":
            step["reasons"].append(reason("odi.state_owned"))
        elif ctx.profile.ownership == "foreign_invested":
            step["reasons"].append(reason("odi.foreign_invested"))
        elif ctx.profile.ownership == "mixed":
            step["reasons"].append(reason("odi.mixed"))
        else:
            step["reasons"].append(reason("odi.private"))
        step["conditions"] += [
            reason("condition.odi_amount"),
            reason("condition.odi_safe_registration"),
        ]
    else:
        step["reasons"].append(reason("odi.no_entity"))
        if ctx.profile.listing_status in (None, "unlisted") and LISTING_NEEDS & set(
            ctx.profile.needs
        ):
            step["conditions"].append(reason("condition.odi_red_chip"))
    return step


def foreign_debt_registration(ctx: Context) -> dict[str, Any]:
    step = _step("foreign_debt_registration")
    facts: list[str] = step["facts"]
    rule = ctx.rule("ndrc.foreign_debt.min_term_years", facts)
    if rule is None:
        step["reasons"].append(reason("debt.not_in_force", on=ctx.on.isoformat()))
        ctx.history("ndrc.foreign_debt.min_term_years", facts)
        return step
    if DEBT_NEEDS & set(ctx.profile.needs):
        step["required"] = True
        step["reasons"].append(reason("debt.borrowing_abroad", years=number(rule.value)))
        if ctx.profile.ownership == "state_owned":
            step["reasons"].append(reason("debt.state_owned"))
    else:
        step["reasons"].append(reason("debt.no_borrowing"))
    return step


def mainland_steps(
    ctx: Context, routes: list[dict[str, Any]], functions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    steps = [csrc_filing(ctx, routes), odi_filing(ctx, functions), foreign_debt_registration(ctx)]
    for step in steps:
        for fact in step["facts"]:
            ctx.used.setdefault(fact, None)
    return steps
