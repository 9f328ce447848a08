"""Reasons as codes with parameters, which the platform's templates translate.

Codes: ``need.serves`` {need}, ``need.category`` {category}, ``market.office`` /
``market.network`` {country}, ``market.global``, ``market.targets`` {countries, offices},
``sector.same`` {sector}, ``sector.section`` {section}, ``sector.generalist``,
``language.shared`` {languages}, ``track_record.completed`` / ``track_record.accepted`` /
``track_record.declined`` {count, sector}, ``text.concepts`` {concepts},
``capacity.full`` {capacity, open}, ``fairness.rotated`` {pool}.
"""

from __future__ import annotations

from goglobal.engines.matching.analysis import CONCEPT
from goglobal.engines.matching.codes import expected_categories, section_of
from goglobal.engines.matching.features import query_terms
from goglobal.engines.matching.index import ProviderIndex
from goglobal.engines.matching.model import Provider, ProviderQuery, Reason
from goglobal.engines.matching.weights import Weights

MAX_CONCEPTS = 3


def explain(
    index: ProviderIndex,
    query: ProviderQuery,
    provider: Provider,
    parts: dict[str, float],
    weights: Weights,
) -> tuple[Reason, ...]:
    reasons: list[Reason] = [("need.serves", {"need": query.need})]
    if provider.category in expected_categories(query.need):
        reasons.append(("need.category", {"category": provider.category}))
    reasons += _market(query, provider)
    reasons += _sector(query, provider)
    shared = sorted(provider.languages & query.enterprise.languages)
    if shared:
        reasons.append(("language.shared", {"languages": ",".join(shared)}))
    reasons += _track_record(query, provider.id)
    if parts.get("text", 0) > 0:
        reasons += _concepts(index, query, provider, weights)
    if provider.at_capacity:
        reasons.append(
            ("capacity.full", {"capacity": provider.capacity or 0, "open": provider.open_referrals})
        )
    return tuple(reasons)


def _market(query: ProviderQuery, provider: Provider) -> list[Reason]:
    if query.market:
        if query.market in provider.office_markets:
            return [("market.office", {"country": query.market})]
        if query.market in provider.network_markets:
            return [("market.network", {"country": query.market})]
        return [("market.global", {})] if provider.works_globally else []
    targets = [
        market
        for market in query.enterprise.target_markets
        if market in provider.office_markets or market in provider.network_markets
    ]
    if not targets:
        return []
    offices = sum(1 for market in targets if market in provider.office_markets)
    return [("market.targets", {"countries": ",".join(targets), "offices": offices})]


def _sector(query: ProviderQuery, provider: Provider) -> list[Reason]:
    sector = query.enterprise.sector
    if sector and sector in provider.sectors:
        return [("sector.same", {"sector": sector})]
    section = section_of(sector)
    if section and any(section_of(own) == section for own in provider.sectors):
        return [("sector.section", {"section": section})]
    return [("sector.generalist", {})] if not provider.sectors else []


def _track_record(query: ProviderQuery, provider_id: str) -> list[Reason]:
    reasons: list[Reason] = []
    for owner, record in query.track_records:
        if owner != provider_id:
            continue
        similar = record.sector or query.enterprise.sector or ""
        for code, count in (
            ("track_record.completed", record.completed),
            ("track_record.accepted", record.accepted),
            ("track_record.declined", record.declined),
        ):
            if count:
                reasons.append((code, {"count": count, "sector": similar}))
    return reasons


def _concepts(
    index: ProviderIndex, query: ProviderQuery, provider: Provider, weights: Weights
) -> list[Reason]:
    slot = index.slot_of(provider.id)
    if slot is None:
        return []
    wanted = {term for term in query_terms(query.enterprise, weights) if term.startswith(CONCEPT)}
    shared = sorted({term[1:] for term in index.terms_of(slot) if term in wanted})
    if not shared:
        return []
    return [("text.concepts", {"concepts": ",".join(shared[:MAX_CONCEPTS])})]
