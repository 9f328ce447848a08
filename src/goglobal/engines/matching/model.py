"""What the matcher takes and returns: frozen dataclasses of ids, code sets and numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENGINE_VERSION = "matching/3"  # 3: thin markets filled below with market.none

ReasonValue = str | int | float
Reason = tuple[str, dict[str, ReasonValue]]  # ("market.office", {"country": "VN"})

CATEGORIES = (
    "law_firm",
    "accounting_tax",
    "bank",
    "securities_sponsor",
    "consultancy",
    "logistics",
    "ip_agent",
    "hr_talent",
    "insurance",
    "science_park",
    "industry_association",
    "public_agency",
)


@dataclass(frozen=True, slots=True)
class Provider:
    """A Hong Kong provider. Names and description may be in any of the three languages."""

    id: str
    category: str
    needs: frozenset[str]
    sectors: frozenset[str] = frozenset()  # GB/T 4754-2017 divisions ("38"); empty: generalist
    office_markets: frozenset[str] = frozenset()  # ISO 3166-1 alpha-2
    network_markets: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()  # BCP 47: "en", "zh" (Putonghua), "yue"
    capacity: int | None = None  # referrals a month; None: no limit
    open_referrals: int = 0  # referrals received this month
    works_globally: bool = False
    names: tuple[str, ...] = ()
    description: str = ""
    # Needs the sentence encoder read in the description (``reading``): (need, clause) pairs,
    # computed when the profile is saved; used only when no need is coded.
    read_needs: tuple[tuple[str, str], ...] = ()

    @property
    def at_capacity(self) -> bool:
        return self.capacity is not None and self.open_referrals >= self.capacity


@dataclass(frozen=True, slots=True)
class Enterprise:
    """A mainland enterprise as the matcher sees it."""

    id: str
    sector: str | None = None  # GB/T 4754-2017 division
    names: tuple[str, ...] = ()
    description: str = ""
    province: str = ""
    city: str = ""
    target_markets: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    languages: frozenset[str] = frozenset({"zh"})  # of its contacts


@dataclass(frozen=True, slots=True)
class TrackRecord:
    """A provider's referrals for enterprises similar to this one (counted by the caller)."""

    accepted: int = 0
    completed: int = 0
    declined: int = 0
    sector: str | None = None  # what "similar" meant, for the reason shown


@dataclass(frozen=True, slots=True)
class ProviderQuery:
    """Rank providers for one need of one enterprise, optionally in one target market."""

    enterprise: Enterprise
    need: str
    market: str | None = None
    conflicted: frozenset[str] = frozenset()  # provider ids never to suggest
    track_records: tuple[tuple[str, TrackRecord], ...] = ()  # (provider id, record)
    rotation: int = 0  # e.g. a counter of suggestions made; spreads exposure (see fairness)
    # The enterprise profile's unit vector (``embed``), stored when the profile was saved.
    vector: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked suggestion: the score, its parts (for audit) and the reasons to show."""

    id: str
    score: float
    reasons: tuple[Reason, ...]
    parts: dict[str, float] = field(default_factory=dict)
    at_capacity: bool = False
    rotated: bool = False  # moved up by exposure rotation
