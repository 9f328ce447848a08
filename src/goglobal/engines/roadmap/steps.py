"""The plan: ordered steps for each recommended function and each required mainland step.

A listing follows the steps of the route the roadmap found (the first eligible one, else the
Main Board); a Hong Kong entity follows its function's steps. Mainland filings come first: the
outbound investment filing before the Hong Kong company is set up, the CSRC filing after the
listing application is submitted (within three working days), the foreign debt registration
before borrowing. ``weeks`` is a range only where the knowledge base gives a duration.
"""

from __future__ import annotations

import re
from typing import Any

from goglobal.engines.roadmap.context import Context, add
from goglobal.engines.roadmap.messages import LANGS
from goglobal.engines.roadmap.model import FunctionEntry

ROUTE_FUNCTION = {
    "main_board": "listing-main-board",
    "chapter_18a": "listing-18a",
    "chapter_18c": "listing-18c",
    "secondary_listing": "listing-19c",
}
ENTITY_FUNCTIONS = {
    "regional_hq": "regional-hq",
    "treasury_centre": "treasury-centre",
    "rnd_hub": "rnd-hub",
    "supply_chain_centre": "supply-chain-centre",
}
_WEEKS = re.compile(r"(\d+)\s*(?:-|–|to)\s*(\d+)\s*weeks?", re.I)
_DAYS = re.compile(r"(\d+)\s*(?:business|working)?\s*days?", re.I)


def _weeks(duration: str) -> list[int] | None:
    match = _WEEKS.search(duration)
    if match:
        return [int(match.group(1)), int(match.group(2))]
    match = _DAYS.search(duration)
    if match:
        return [0, max(1, -(-int(match.group(1)) // 5))]
    return None


def _same(step: str, title: str) -> bool:
    """Whether a function's mainland step is the roadmap's mainland step ``step``."""
    title = title.lower()
    return {
        "csrc_filing": "csrc" in title,
        "odi_filing": "outbound" in title,
        "foreign_debt_registration": "foreign debt" in title,
    }.get(step, False)


def _function(ctx: Context, code: str) -> FunctionEntry | None:
    for function in ctx.snapshot.functions:
        if function.code == code:
            return function
    return None


def plan(  # noqa: C901 - the order of the plan, read top to bottom
    ctx: Context,
    routes: list[dict[str, Any]],
    mainland: list[dict[str, Any]],
    functions: list[dict[str, Any]],
    lang: str = "en",
) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    required = {step["step"] for step in mainland if step["required"]}
    odi_done: str | None = None

    def emit(function: str, entry: FunctionEntry, after: list[str]) -> list[str]:
        nonlocal odi_done
        last = list(after)
        for row in entry.steps:
            is_odi = row.side == "mainland" and "outbound" in row.title.get("en", "").lower()
            if is_odi and "odi_filing" not in required:
                continue
            if is_odi and odi_done:
                last = [odi_done]
                continue
            facts: list[str] = [row.fact]
            add(facts, entry.fact)
            if row.side == "mainland":
                for item in mainland:
                    if _same(item["step"], row.title.get("en", "")):
                        for fact in item["facts"]:
                            add(facts, fact)
            step: dict[str, Any] = {
                # Stable across regenerations: the function, the knowledge-base entry and the
                # step's position there (tasks made from a step keep pointing at it).
                "id": f"{function}:{entry.code}:{row.position}",
                "function": function,
                "title": row.title.get(lang) or row.title.get("en", ""),
                "titles": {code: row.title.get(code) or row.title.get("en", "") for code in LANGS},
                "side": row.side,
                "after": last,
                "weeks": _weeks(row.duration),
                "provider_categories": list(row.provider_categories),
                "documents": list(row.documents),
                "facts": facts,
            }
            step_id = str(step["id"])
            if is_odi:
                odi_done = step_id
            steps.append(step)
            last = [step_id]
            for fact in facts:
                ctx.used.setdefault(fact, None)
        return last

    recommended = {item["function"] for item in functions if item["recommended"]}
    if "fundraising" in recommended:
        wants_listing = "fundraising.ipo" in ctx.profile.needs
        eligible = [route["route"] for route in routes if route["eligible"] is True]
        if wants_listing:
            route = eligible[0] if eligible else "main_board"
            entry = _function(ctx, ROUTE_FUNCTION[route])
            if entry is not None:
                emit("fundraising", entry, [])
        if "fundraising.debt" in ctx.profile.needs:
            entry = _function(ctx, "debt")
            if entry is not None:
                emit("fundraising", entry, [])
        if "fundraising.private_capital" in ctx.profile.needs:
            entry = _function(ctx, "private-capital")
            if entry is not None:
                emit("fundraising", entry, [])
    for name, code in ENTITY_FUNCTIONS.items():
        if name in recommended:
            entry = _function(ctx, code)
            if entry is not None:
                emit(name, entry, [])
    return steps
