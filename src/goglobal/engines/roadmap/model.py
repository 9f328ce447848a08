"""Plain data in and out of the roadmap engine: the profile, the knowledge snapshot, the result.

The snapshot is what the engine knows of the knowledge base, as plain values: every fact with its
statement, source and checked date, and the rows that refer to facts by id. The Django side builds
it (``goglobal.knowledge.services.snapshot.snapshot_build``); tests build small ones by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

PROFILE_FORMAT = "goglobal-roadmap-profile/1"
ROADMAP_FORMAT = "goglobal-roadmap/1"
OWNERSHIPS = ("state_owned", "private", "foreign_invested", "mixed")
LISTING_STATUSES = ("unlisted", "a_share", "h_share", "overseas")
STAGES = ("preclinical", "phase_1", "phase_2", "phase_3", "approved")
EXCHANGES = ("nyse", "nasdaq", "lse_main", "other")

Reason = tuple[str, Mapping[str, Any]]


# --- the profile -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217


@dataclass(frozen=True, slots=True)
class Financials:
    """One financial year; a figure left out is ``None`` (unknown), not zero."""

    year: int
    currency: str
    revenue: Decimal | None = None
    profit: Decimal | None = None
    operating_cash_flow: Decimal | None = None
    operating_expense: Decimal | None = None
    rnd_expense: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """Where an overseas-listed enterprise is listed (optional block of the profile)."""

    exchange: str | None = None  # nyse | nasdaq | lse_main | other
    years: int | None = None  # full financial years of good compliance there
    weighted_voting_rights: bool | None = None
    market_cap: Money | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    as_of: date
    name_zh_hans: str
    name_en: str
    sector: str  # GB/T 4754-2017 division (two digits) or section (letter)
    needs: tuple[str, ...]
    province: str = ""
    city: str = ""
    ownership: str | None = None
    listing_status: str | None = None
    description: str = ""
    target_markets: tuple[str, ...] = ()
    core_product_stage: str | None = None
    expected_market_cap: Money | None = None
    financials: tuple[Financials, ...] = ()  # sorted by year, latest last
    listing: Listing | None = None
    ignored: tuple[str, ...] = ()  # fields the engine does not read, named in the output


# --- the snapshot ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    statement: Mapping[str, str]  # language ("en", "zh-hans", "zh-hant") -> text
    source_title: str
    source_url: str
    source_publisher: str
    checked_on: date
    verified: bool = True
    source_kind: str = ""  # official | secondary | internal (GoGlobal's own); "" when unknown


@dataclass(frozen=True, slots=True)
class RuleEntry:
    code: str
    effective_from: date
    effective_to: date | None
    value: Decimal | None
    unit: str
    fact: str
    data: Mapping[str, Any] = field(default_factory=dict)
    temporary: bool = False

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


@dataclass(frozen=True, slots=True)
class AgreementEntry:
    code: str
    kind: str  # cdta | fta | ippa
    status: str  # negotiating | signed | in_force
    parties: tuple[str, ...]
    fact: str
    signed_on: date | None = None
    in_force_on: date | None = None


@dataclass(frozen=True, slots=True)
class OfficeEntry:
    code: str
    kind: str
    status: str  # open | preparing | closed
    country: str
    city: str
    fact: str


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    indicator: str
    country: str
    year: int
    value: float
    fact: str  # the indicator series' fact


@dataclass(frozen=True, slots=True)
class FunctionStep:
    position: int
    side: str  # mainland | hong_kong
    title: Mapping[str, str]
    duration: str
    documents: tuple[str, ...]
    provider_categories: tuple[str, ...]
    fact: str


@dataclass(frozen=True, slots=True)
class FunctionPoint:
    code: str
    kind: str  # threshold | tax | regulatory
    fact: str


@dataclass(frozen=True, slots=True)
class FunctionEntry:
    code: str
    group: str  # fundraising | headquarters | treasury | research | supply_chain
    need_codes: tuple[str, ...]
    provider_categories: tuple[str, ...]
    fact: str
    steps: tuple[FunctionStep, ...] = ()
    points: tuple[FunctionPoint, ...] = ()


@dataclass(frozen=True, slots=True)
class SchemeEntry:
    code: str
    kind: str
    applicant: str  # enterprise | employer | individual
    eligibility: str
    need_codes: tuple[str, ...]
    fact: str
    launched_on: date | None = None


@dataclass(frozen=True, slots=True)
class MarketEntry:
    code: str  # ISO 3166-1 alpha-2
    name: Mapping[str, str]
    region: str
    fact: str


@dataclass
class Snapshot:
    facts: dict[str, Fact]
    rules: tuple[RuleEntry, ...] = ()
    agreements: tuple[AgreementEntry, ...] = ()
    offices: tuple[OfficeEntry, ...] = ()
    indicators: tuple[IndicatorValue, ...] = ()
    functions: tuple[FunctionEntry, ...] = ()
    schemes: tuple[SchemeEntry, ...] = ()
    markets: tuple[MarketEntry, ...] = ()
    _by_code: dict[str, list[RuleEntry]] = field(default_factory=dict, repr=False)
    # Results that depend on the snapshot alone (e.g. every market's row for a year), computed
    # once and shared by every roadmap built on this snapshot.
    derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for rule in sorted(self.rules, key=lambda r: r.effective_from, reverse=True):
            self._by_code.setdefault(rule.code, []).append(rule)

    def rule(self, code: str, on: date) -> RuleEntry | None:
        """The value of ``code`` in force on ``on``: of the rows covering it, the latest start."""
        for rule in self._by_code.get(code, ()):
            if rule.covers(on):
                return rule
        return None

    def suspended(self, code: str, on: date) -> list[RuleEntry]:
        """Standing rows that also cover ``on`` while a later (temporary) row is in force."""
        covering = [rule for rule in self._by_code.get(code, ()) if rule.covers(on)]
        return covering[1:]
