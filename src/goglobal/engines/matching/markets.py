"""Rank target markets for an enterprise as a whole: pure, explainable, deterministic.

The caller gives one ``MarketFacts`` per candidate market (stated targets, indicator values,
Hong Kong's agreements and offices there, providers with sector experience covering it). Every
part lies in [0, 1]; the score is the weighted sum; ties break on the country code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from goglobal.engines.matching.model import Reason

AGREEMENT_VALUE = {"cdta": 0.4, "fta": 0.35, "ippa": 0.25}  # in force; signed counts half


@dataclass(frozen=True, slots=True)
class MarketFacts:
    code: str  # ISO 3166-1 alpha-2
    stated: bool = False  # named by the enterprise as a target country
    via_group: str = ""  # or a member of a grouping it named (group code)
    gdp_usd: float | None = None  # latest GDP, current US$
    gdp_year: int | None = None
    growth: float | None = None  # latest real GDP growth, %
    growth_year: int | None = None
    agreements: tuple[tuple[str, str], ...] = ()  # (kind: cdta/fta/ippa, status: in_force/signed)
    office_cities: tuple[str, ...] = ()  # Hong Kong offices open there (ETO, HKTDC, InvestHK)
    sector_providers: int = 0  # HK providers with the enterprise's sector covering the market


@dataclass(frozen=True, slots=True)
class MarketWeights:
    stated: float = 2.0
    sector: float = 0.8
    size: float = 0.6
    growth: float = 0.6
    agreements: float = 0.8
    offices: float = 0.6

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class MarketMatch:
    code: str
    score: float
    reasons: tuple[Reason, ...]
    parts: dict[str, float]


def _size(facts: MarketFacts, low: float, high: float) -> float:
    if not facts.gdp_usd or facts.gdp_usd <= 0:
        return 0.0
    if high <= low:
        return 1.0
    return (math.log10(facts.gdp_usd) - low) / (high - low)


def _parts(facts: MarketFacts, low: float, high: float) -> dict[str, float]:
    agreements = sum(
        AGREEMENT_VALUE.get(kind, 0.0) * (1.0 if status == "in_force" else 0.5)
        for kind, status in set(facts.agreements)
    )
    growth = 0.0 if facts.growth is None else min(1.0, max(0.0, (facts.growth + 2.0) / 10.0))
    return {
        "stated": 1.0 if facts.stated else (0.6 if facts.via_group else 0.0),
        "sector": facts.sector_providers / (facts.sector_providers + 2.0),
        "size": round(_size(facts, low, high), 6),
        "growth": round(growth, 6),
        "agreements": round(min(1.0, agreements), 6),
        "offices": min(1.0, 0.6 * len(facts.office_cities)),
    }


def _reasons(facts: MarketFacts, sector: str | None) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    if facts.stated:
        reasons.append(("market.stated", {"country": facts.code}))
    elif facts.via_group:
        reasons.append(("market.in_group", {"group": facts.via_group}))
    if facts.sector_providers:
        reasons.append(
            ("market.sector_providers", {"count": facts.sector_providers, "sector": sector or ""})
        )
    if facts.gdp_usd:
        billions = round(facts.gdp_usd / 1e9)
        reasons.append(("market.size", {"billions": billions, "year": facts.gdp_year or 0}))
    if facts.growth is not None:
        growth = round(facts.growth, 1)
        reasons.append(("market.growth", {"percent": growth, "year": facts.growth_year or 0}))
    for kind, status in sorted(set(facts.agreements)):
        reasons.append(("market.agreement", {"kind": kind, "status": status}))
    if facts.office_cities:
        reasons.append(("market.hk_office", {"cities": ",".join(sorted(facts.office_cities))}))
    return tuple(reasons)


def rank_markets(
    markets: Iterable[MarketFacts],
    *,
    sector: str | None = None,
    weights: MarketWeights | None = None,
    limit: int = 10,
) -> list[MarketMatch]:
    """The best ``limit`` markets, best first; ``sector`` only labels the sector reason."""
    weights = weights or MarketWeights()
    facts = list({m.code: m for m in markets}.values())
    logs = [math.log10(m.gdp_usd) for m in facts if m.gdp_usd and m.gdp_usd > 0]
    low, high = (min(logs), max(logs)) if logs else (0.0, 0.0)
    matches = []
    for market in facts:
        parts = _parts(market, low, high)
        score = sum(getattr(weights, name) * value for name, value in parts.items())
        matches.append(MarketMatch(market.code, round(score, 6), _reasons(market, sector), parts))
    matches.sort(key=lambda m: (-round(m.score, 9), m.code))
    return matches[: max(limit, 0)]
