"""Markets, investors, peers and partners for one enterprise: facts from the database, ranks
from the engine.

Read-only: ``services.connector_suggest`` stores market and investor rankings when an officer
asks for them; peers and complementary partners are recomputed on each view.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Q

from goglobal.engines.matching import investors as investor_engine
from goglobal.engines.matching import markets as market_engine
from goglobal.enterprises.models import Enterprise, EnterpriseNeed
from goglobal.knowledge.markets import NOT_TARGETS
from goglobal.knowledge.models import (
    Agreement,
    Country,
    IndicatorValue,
    MarketGroupMembership,
    Office,
)
from goglobal.providers.models import Investor, ProviderMarket

GDP = "NY.GDP.MKTP.CD"
GROWTH = "NY.GDP.MKTP.KD.ZG"
# Indicative US dollars per unit, to compare amounts with tickets; not for accounting.
USD_PER = {"USD": 1.0, "CNY": 0.14, "HKD": 0.128, "EUR": 1.08, "GBP": 1.27, "SGD": 0.74}
# Revenue band → an amount sought in RMB, a proxy when the need's notes give no number.
REVENUE_PROXY_CNY = {
    "lt20m": 5e6,
    "20m_200m": 2e7,
    "200m_1b": 1e8,
    "1b_10b": 5e8,
    "10b_plus": 2e9,
}


def _targets(enterprise: Enterprise) -> tuple[set[str], dict[str, str]]:
    stated = {c.code for c in enterprise.target_countries.all()}
    via: dict[str, str] = {}
    rows = MarketGroupMembership.objects.filter(
        group__in=enterprise.target_groups.all(), left_on__isnull=True
    ).values_list("country__code", "group__code")
    for code, group in sorted(rows):
        via.setdefault(code, group)
    return stated, via


def _latest(code: str, countries: set[str]) -> dict[str, tuple[float, int]]:
    latest: dict[str, tuple[float, int]] = {}
    rows = IndicatorValue.objects.filter(
        indicator__code=code, country__code__in=countries
    ).values_list("country__code", "value", "year")
    for country, value, year in rows.order_by("country__code", "year"):
        latest[country] = (value, year)
    return latest


def market_facts(enterprise: Enterprise) -> list[market_engine.MarketFacts]:
    """Candidates: stated targets, their groupings' members, and markets where HK has a
    signed or in-force agreement or an open office."""
    stated, via = _targets(enterprise)
    agreements: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for country, kind, status in Agreement.objects.filter(
        status__in=("in_force", "signed")
    ).values_list("coverage__country__code", "kind", "status"):
        if country:
            agreements[country].add((kind, status))
    offices: dict[str, set[str]] = defaultdict(set)
    for country, city in Office.objects.filter(status="open").values_list(
        "country__code", "city_en"
    ):
        offices[country].add(city)
    codes = (stated | set(via) | set(agreements) | set(offices)) - NOT_TARGETS
    covering = ProviderMarket.objects.filter(
        country__code__in=codes,
        provider__deleted_at__isnull=True,
        provider__sectors=enterprise.sector_id,
    ).values_list("country__code", "provider_id")
    providers: dict[str, set[int]] = defaultdict(set)
    for country, provider in covering:
        providers[country].add(provider)
    gdp, growth = _latest(GDP, codes), _latest(GROWTH, codes)
    return [
        market_engine.MarketFacts(
            code=code,
            stated=code in stated,
            via_group=via.get(code, ""),
            gdp_usd=gdp[code][0] if code in gdp else None,
            gdp_year=gdp[code][1] if code in gdp else None,
            growth=growth[code][0] if code in growth else None,
            growth_year=growth[code][1] if code in growth else None,
            agreements=tuple(sorted(agreements.get(code, ()))),
            office_cities=tuple(sorted(offices.get(code, ()))),
            sector_providers=len(providers.get(code, ())),
        )
        for code in sorted(codes)
    ]


def markets_rank(*, enterprise: Enterprise, limit: int = 10) -> list[market_engine.MarketMatch]:
    return market_engine.rank_markets(
        market_facts(enterprise), sector=enterprise.sector.code, limit=limit
    )


def amount_sought(enterprise: Enterprise, row: EnterpriseNeed) -> tuple[float | None, str]:
    """US dollars sought: from the need's notes if a number is there, else the revenue band."""
    found = investor_engine.amount_from_text(row.notes)
    if found:
        value, currency = found
        return value * USD_PER.get(currency, USD_PER["CNY"]), "notes"
    proxy = REVENUE_PROXY_CNY.get(enterprise.revenue_band)
    return (proxy * USD_PER["CNY"], "revenue_band") if proxy else (None, "")


def _profile(investor: Investor) -> investor_engine.InvestorProfile:
    rate = USD_PER.get(investor.currency, 1.0)
    return investor_engine.InvestorProfile(
        id=str(investor.pk),
        sectors=frozenset(s.code for s in investor.sectors.all()),
        stages=frozenset(investor.stages),
        ticket_min_usd=float(investor.ticket_min) * rate if investor.ticket_min else None,
        ticket_max_usd=float(investor.ticket_max) * rate if investor.ticket_max else None,
        markets=frozenset(c.code for c in investor.markets.all()),
    )


@dataclass(frozen=True)
class InvestorSuggestion:
    investor: Investor
    match: investor_engine.InvestorMatch
    need: str


def investors_rank(*, enterprise: Enterprise, limit: int = 5) -> list[InvestorSuggestion]:
    """Per fundraising need of the enterprise, the best investors."""
    rows = [
        r for r in enterprise.needs.select_related("need") if r.need.code.startswith("fundraising.")
    ]
    if not rows:
        return []
    pool = {
        str(i.pk): i
        for i in Investor.objects.filter(deleted_at__isnull=True).prefetch_related(
            "sectors", "markets"
        )
    }
    profiles = [_profile(investor) for investor in pool.values()]
    stated, via = _targets(enterprise)
    result = []
    for row in rows:
        amount, source = amount_sought(enterprise, row)
        query = investor_engine.FundraisingQuery(
            sector=enterprise.sector.code,
            stages=investor_engine.STAGES_FOR_NEED.get(row.need.code, frozenset()),
            amount_usd=amount,
            amount_source=source,
            markets=tuple(sorted(stated | set(via))),
        )
        for match in investor_engine.rank_investors(profiles, query, limit=limit):
            result.append(InvestorSuggestion(pool[match.id], match, row.need.code))
    return result


@dataclass(frozen=True)
class Peer:
    enterprise: Any
    markets: tuple[str, ...]
    same_sector: bool


def peers_for(
    *, enterprise: Enterprise, limit: int = 10, consented_only: bool = False
) -> list[Peer]:
    """Enterprises with a ``market_entered`` outcome in one of this one's target markets.

    The task force sees every peer; pass ``consented_only`` when showing them to an enterprise,
    so that only enterprises with ``shown_as_peer`` appear.
    """
    stated, via = _targets(enterprise)
    wanted = stated | set(via)
    if not wanted:
        return []
    outcome_model = apps.get_model("cases", "Outcome")
    rows = (
        outcome_model.objects.filter(kind="market_entered", country__code__in=wanted)
        .filter(Q(case__enterprise__deleted_at__isnull=True))
        .exclude(case__enterprise=enterprise)
        .values_list("case__enterprise_id", "country__code")
    )
    markets: dict[int, set[str]] = defaultdict(set)
    for enterprise_id, code in rows:
        markets[enterprise_id].add(code)
    candidates = Enterprise.objects.filter(deleted_at__isnull=True)
    if consented_only:
        candidates = candidates.filter(shown_as_peer=True)
    found = candidates.in_bulk(list(markets))
    peers = [
        Peer(found[pk], tuple(sorted(codes)), found[pk].sector_id == enterprise.sector_id)
        for pk, codes in markets.items()
        if pk in found
    ]
    peers.sort(key=lambda p: (not p.same_sector, -len(p.markets), p.enterprise.pk))
    return peers[:limit]


# Complementary partners: a heuristic, not an input-output table. Pairs of GB/T 4754-2017
# divisions where the first commonly supplies the second (parts, materials or goods to sell).
# Kept short on purpose; extend it with care and say so in docs/matching.md.
SUPPLY_CHAIN: tuple[tuple[str, str], ...] = (
    ("31", "38"),  # ferrous metals → electrical machinery
    ("32", "38"),  # non-ferrous metals (copper, lithium) → electrical machinery, batteries
    ("33", "38"),  # metal products → electrical machinery
    ("38", "36"),  # electrical machinery (motors, batteries) → automobiles
    ("39", "36"),  # electronics → automobiles
    ("29", "36"),  # rubber and plastics → automobiles
    ("34", "36"),  # general equipment → automobiles
    ("39", "38"),  # electronics → electrical machinery
    ("31", "37"),  # ferrous metals → rail, ships, aircraft
    ("38", "37"),  # electrical machinery → rail, ships, aircraft
    ("26", "27"),  # chemicals → pharmaceuticals
    ("26", "29"),  # chemicals → rubber and plastics
    ("17", "18"),  # textiles → apparel
    ("01", "13"),  # farming → agri-food processing
    ("13", "14"),  # agri-food processing → food manufacturing
    ("13", "51"),  # agri-food processing → wholesale
    ("14", "51"),  # food manufacturing → wholesale
    ("14", "52"),  # food manufacturing → retail
    ("15", "51"),  # beverages → wholesale
    ("15", "52"),  # beverages → retail
    ("18", "51"),  # apparel → wholesale
    ("18", "52"),  # apparel → retail
    ("39", "65"),  # electronics → software and IT services
)
SUPPLIES = "supplies"  # the partner supplies this enterprise
BUYS = "buys"  # the partner buys from this enterprise


def complementary_sectors(sector: str) -> dict[str, str]:
    """Division → the partner's role for an enterprise in ``sector`` (SUPPLIES or BUYS)."""
    roles: dict[str, str] = {}
    for upstream, downstream in SUPPLY_CHAIN:
        if downstream == sector:
            roles.setdefault(upstream, SUPPLIES)
        if upstream == sector:
            roles.setdefault(downstream, BUYS)
    return roles


@dataclass(frozen=True)
class Partner:
    enterprise: Any
    role: str  # SUPPLIES or BUYS
    sector: str
    markets: tuple[str, ...]


def partners_for(*, enterprise: Enterprise, limit: int = 10) -> list[Partner]:
    """Enterprises in an upstream or downstream division (``SUPPLY_CHAIN``) that share at least
    one target market with this one; for the task force only (no consent to be introduced)."""
    roles = complementary_sectors(enterprise.sector.code)
    stated, via = _targets(enterprise)
    wanted = stated | set(via)
    if not roles or not wanted:
        return []
    in_groups = Q(
        target_groups__memberships__country__code__in=wanted,
        target_groups__memberships__left_on__isnull=True,
    )
    candidates = (
        Enterprise.objects.filter(deleted_at__isnull=True, sector__code__in=roles)
        .filter(Q(target_countries__code__in=wanted) | in_groups)
        .exclude(pk=enterprise.pk)
        .select_related("sector")
        .prefetch_related("target_countries", "target_groups")
        .distinct()
    )
    partners = []
    for other in candidates:
        theirs, their_via = _targets(other)
        shared = wanted & (theirs | set(their_via))
        if shared:
            code = other.sector.code
            partners.append(Partner(other, roles[code], code, tuple(sorted(shared))))
    partners.sort(key=lambda p: (-len(p.markets), p.enterprise.pk))
    return partners[:limit]


def country_names() -> dict[str, Country]:
    return {c.code: c for c in Country.objects.all()}


@dataclass(frozen=True)
class HelpCategory:
    need: Any
    category: str
    label: str
    named: tuple[Any, ...]  # providers that agreed to be named to enterprises


def help_for(*, enterprise: Enterprise) -> list[HelpCategory]:
    """Per need of the enterprise, the kinds of provider that serve it; names only with consent."""
    from goglobal.providers.models import ProviderCategory, ServiceProvider

    labels = dict(ProviderCategory.choices)
    result = []
    for row in enterprise.needs.select_related("need"):
        providers = ServiceProvider.objects.filter(deleted_at__isnull=True, needs=row.need)
        by_category: dict[str, list[Any]] = defaultdict(list)
        for provider in providers.order_by("category", "name_en", "pk"):
            by_category[provider.category].append(provider)
        for category, members in sorted(by_category.items()):
            named = tuple(p for p in members if p.shown_to_enterprises)
            result.append(HelpCategory(row.need, category, str(labels[category]), named))
    return result
