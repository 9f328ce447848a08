"""Schemes and programmes that answer the enterprise's needs, checked against their rules.

The eligibility rules are the knowledge base's small language (``FIELD OP VALUE[,VALUE…]``
joined by ``;``); the engine reads the fields a roadmap profile has (sector, section, ownership,
listing status). A scheme an individual applies for (the New Capital Investment Entrant
Scheme, talent passes) cannot be decided from an enterprise profile: eligible is null.
"""

from __future__ import annotations

from typing import Any

from goglobal.engines.roadmap.context import Context, Tri, add, all_of, number, reason
from goglobal.engines.roadmap.model import Reason

LISTING_CODES = {
    "unlisted": "unlisted",
    "a_share": "listed_mainland",
    "h_share": "listed_hk",
    "overseas": "listed_overseas",
}
SCHEME_RULES = {
    "new-cies": ("newcies.investment", "newcies.net_assets", "newcies.net_assets_period_months")
}


def _actual(ctx: Context, field: str) -> str:
    profile = ctx.profile
    if field == "sector":
        return profile.sector if profile.sector[:1].isdigit() else ""
    if field == "ownership":
        return profile.ownership or ""
    if field == "listing_status":
        return LISTING_CODES.get(profile.listing_status or "", "")
    return ""  # section needs the sector table; bands are not in a roadmap profile


def _check(ctx: Context, rule: str, reasons: list[Reason]) -> Tri:
    results: list[Tri] = []
    for clause in (part.strip() for part in rule.split(";")):
        parts = clause.split(None, 2)
        if len(parts) != 3:
            continue
        field, operator, raw = parts
        values = [value.strip() for value in raw.split(",") if value.strip()]
        actual = _actual(ctx, field)
        if not actual:
            reasons.append(reason("scheme.unknown_field", field=field))
            results.append(None)
        elif operator == "in":
            results.append(actual in values)
        elif operator == "not_in":
            results.append(actual not in values)
        else:
            results.append(None)
        if results[-1] is False:
            reasons.append(reason("scheme.rule_not_met", field=field, values=values, actual=actual))
    return all_of(results)


def schemes(ctx: Context) -> list[dict[str, Any]]:
    out = []
    needs = set(ctx.profile.needs)
    for scheme in ctx.snapshot.schemes:
        if not needs & set(scheme.need_codes):
            continue
        facts: list[str] = [scheme.fact]
        reasons: list[Reason] = []
        if scheme.launched_on and scheme.launched_on > ctx.on:
            eligible: Tri = False
            reasons.append(reason("scheme.not_launched", since=scheme.launched_on.isoformat()))
        elif scheme.applicant == "individual":
            eligible = None
            reasons.append(reason("scheme.individual_applies"))
        else:
            eligible = _check(ctx, scheme.eligibility, reasons) if scheme.eligibility else True
            if eligible is True:
                reasons.append(
                    reason("scheme.no_barrier" if not scheme.eligibility else "scheme.met")
                )
        for code in SCHEME_RULES.get(scheme.code, ()):
            rule = ctx.rule(code, facts)
            if rule is not None:
                reasons.append(reason(f"scheme.{code}", value=number(rule.value), unit=rule.unit))
        for fact in facts:
            add(facts, fact)
            ctx.used.setdefault(fact, None)
        out.append(
            {
                "scheme": scheme.code,
                "eligible": eligible,
                "reasons": reasons,
                "facts": facts,
            }
        )
    return out
