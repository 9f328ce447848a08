"""Rank investors for a fundraising need: sector, stage, ticket size against the amount sought.

Pure and deterministic (ties break on the id). Amounts are in US dollars; the caller converts.
``amount_from_text`` reads an amount from free notes ("融资5000万元", "USD 30 million").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from goglobal.engines.matching.model import Reason

STAGES_FOR_NEED = {
    "fundraising.ipo": frozenset({"pre_ipo", "cornerstone"}),
    "fundraising.private_capital": frozenset({"seed", "early", "growth", "pre_ipo", "buyout"}),
    "fundraising.debt": frozenset({"debt"}),
}
_UNITS = {
    "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "k": 1e3, "thousand": 1e3,
}  # fmt: skip
_CURRENCIES = {
    "usd": "USD", "us$": "USD", "$": "USD", "美元": "USD", "hkd": "HKD", "hk$": "HKD",
    "港元": "HKD", "港币": "HKD", "港幣": "HKD", "rmb": "CNY", "cny": "CNY", "人民币": "CNY",
    "人民幣": "CNY", "元": "CNY",
}  # fmt: skip
_AMOUNT = re.compile(
    r"(?P<pre>usd|us\$|hk\$|hkd|rmb|cny|\$|人民币|人民幣)?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<unit>亿|億|万|萬|billion|million|thousand|bn|mn|[bmk](?![a-z]))?\s*"
    r"(?P<post>美元|港元|港币|港幣|人民币|人民幣|元|usd|hkd|rmb|cny)?",
    re.IGNORECASE,
)


def amount_from_text(text: str) -> tuple[float, str] | None:
    """The largest amount with a unit or currency in ``text``, as (value, ISO currency)."""
    found: list[tuple[float, str]] = []
    for hit in _AMOUNT.finditer(text or ""):
        unit, pre, post = hit["unit"], hit["pre"], hit["post"]
        if not (unit or pre or post):
            continue
        value = float(hit["num"].replace(",", "")) * _UNITS.get((unit or "").lower(), 1.0)
        currency = _CURRENCIES.get((pre or post or "").lower(), "CNY" if unit in _UNITS else "")
        found.append((value, currency or "CNY"))
    return max(found) if found else None


@dataclass(frozen=True, slots=True)
class InvestorProfile:
    id: str
    sectors: frozenset[str] = frozenset()  # GB/T divisions; empty: generalist
    stages: frozenset[str] = frozenset()
    ticket_min_usd: float | None = None
    ticket_max_usd: float | None = None
    markets: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FundraisingQuery:
    sector: str | None
    stages: frozenset[str]  # wanted, from the need
    amount_usd: float | None = None
    amount_source: str = ""  # "notes" or "revenue_band": said in the reason
    markets: tuple[str, ...] = ()  # the enterprise's target markets


@dataclass(frozen=True, slots=True)
class InvestorWeights:
    sector: float = 1.0
    stage: float = 1.2
    ticket: float = 1.0
    markets: float = 0.3

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class InvestorMatch:
    id: str
    score: float
    reasons: tuple[Reason, ...]
    parts: dict[str, float]


def _ticket(investor: InvestorProfile, amount: float | None) -> float:
    low, high = investor.ticket_min_usd, investor.ticket_max_usd
    if amount is None or amount <= 0 or (low is None and high is None):
        return 0.5
    if (low is None or amount >= low) and (high is None or amount <= high):
        return 1.0
    edge = low if low is not None and amount < low else high
    return max(0.0, 1.0 - abs(math.log10(amount / edge)) / 2.0) if edge else 0.0


def _one(
    investor: InvestorProfile, query: FundraisingQuery
) -> tuple[dict[str, float], list[Reason]]:
    reasons: list[Reason] = []
    if query.sector and query.sector in investor.sectors:
        sector = 1.0
        reasons.append(("investor.sector", {"sector": query.sector}))
    elif not investor.sectors:
        sector = 0.4
        reasons.append(("investor.generalist", {}))
    else:
        sector = 0.0
    stages = sorted(investor.stages & query.stages)
    if stages:
        reasons.append(("investor.stage", {"stages": ",".join(stages)}))
    ticket = _ticket(investor, query.amount_usd)
    if query.amount_usd:
        code = "investor.ticket_fits" if ticket == 1.0 else "investor.ticket_outside"
        amount = round(query.amount_usd / 1e6, 1)
        reasons.append((code, {"millions": amount, "source": query.amount_source}))
    shared = sorted(investor.markets & set(query.markets))
    if shared:
        reasons.append(("investor.markets", {"countries": ",".join(shared)}))
    markets = len(shared) / len(set(query.markets)) if query.markets else 0.0
    parts = {"sector": sector, "stage": 1.0 if stages else 0.0, "ticket": round(ticket, 6)}
    parts["markets"] = round(markets, 6)
    return parts, reasons


def rank_investors(
    investors: Iterable[InvestorProfile],
    query: FundraisingQuery,
    *,
    weights: InvestorWeights | None = None,
    limit: int = 10,
) -> list[InvestorMatch]:
    """The best ``limit`` investors, best first."""
    weights = weights or InvestorWeights()
    matches = []
    for investor in investors:
        parts, reasons = _one(investor, query)
        score = sum(getattr(weights, name) * value for name, value in parts.items())
        matches.append(InvestorMatch(investor.id, round(score, 6), tuple(reasons), parts))
    matches.sort(key=lambda m: (-round(m.score, 9), m.id))
    return matches[: max(limit, 0)]
