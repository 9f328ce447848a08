"""Reasons as codes with parameters, which the platform's templates translate.

Codes: ``need.serves`` {need}, ``need.other_kinds`` {kinds} (it codes the need, but its text
names other services, not these kinds the enterprise names: glossary concept ids),
``need.text`` {need, phrase} (the need is stated only in the profile's text),
``need.category`` {category}, ``need.specialist`` {count} (a need served in
Hong Kong, no market asked: the provider offers one or two services), ``market.office`` /
``market.network`` {country}, ``market.text`` {country, presence, phrase} (stated only in the
profile), ``market.global``, ``market.targets`` {countries, offices},
``sector.same`` {sector}, ``sector.text`` {sector, phrase}, ``sector.section`` {section},
``sector.generalist``,
``language.shared`` {languages}, ``track_record.completed`` / ``track_record.accepted`` /
``track_record.declined`` {count, sector}, ``text.concepts`` {concepts},
``capacity.full`` {capacity, open}, ``fairness.rotated`` {pool}.
"""

from __future__ import annotations

from goglobal.engines.matching.codes import expected_categories, section_of, served_in_hong_kong
from goglobal.engines.matching.derive import Derived
from goglobal.engines.matching.features import (
    enterprise_facts,
    enterprise_says_hong_kong,
    query_concepts,
    service_concepts,
)
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
    wanted: frozenset[str] | None = None,
) -> tuple[Reason, ...]:
    derived = index.derived(provider.id)
    if query.need in provider.needs:
        reasons: list[Reason] = [("need.serves", {"need": query.need})]
        if parts.get("service", 1.0) < 1.0 - 1e-6:  # marked down for the kind (features.service)
            reasons += _other_kinds(index, query, provider)
    elif query.need in (derived.needs if not provider.needs else derived.strong_needs):
        phrase = derived.evidence.get(f"need:{query.need}", "")
        reasons = [("need.text", {"need": query.need, "phrase": _phrase(phrase)})]
    else:
        reasons = []
    if provider.category in expected_categories(query.need):
        reasons.append(("need.category", {"category": provider.category}))
    reasons += _market(query, provider, derived)
    reasons += _sector(query, provider, derived)
    shared = sorted(provider.languages & query.enterprise.languages)
    if shared:
        reasons.append(("language.shared", {"languages": ",".join(shared)}))
    reasons += _track_record(query, provider.id)
    if parts.get("text", 0) > 0:
        if wanted is None:
            wanted = query_concepts(query.enterprise, weights)
        reasons += _concepts(index, provider, wanted)
    if provider.at_capacity:
        reasons.append(
            ("capacity.full", {"capacity": provider.capacity or 0, "open": provider.open_referrals})
        )
    return tuple(reasons)


def _other_kinds(index: ProviderIndex, query: ProviderQuery, provider: Provider) -> list[Reason]:
    """The kinds of the service the enterprise names that the provider's text does not."""
    slot = index.slot_of(provider.id)
    own = set(index.terms_of(slot)) if slot is not None else set()
    kinds = [kind for kind in service_concepts(query.enterprise, query.need) if kind not in own]
    if not kinds:
        return []
    return [("need.other_kinds", {"kinds": ",".join(k.removeprefix("@") for k in kinds[:3])})]


def _phrase(evidence: str) -> str:
    """A glossary concept id as evidence is shown as its id's last part; a place as written."""
    return evidence.split(".", 1)[1] if evidence.startswith(("sector.", "need.")) else evidence


def _market(query: ProviderQuery, provider: Provider, derived: Derived) -> list[Reason]:
    if query.market:
        market = query.market
        if market in provider.office_markets:
            return [("market.office", {"country": market})]
        if market in provider.network_markets:
            return [("market.network", {"country": market})]
        for presence in ("office", "network"):
            phrase = derived.evidence.get(f"{presence}:{market}")
            if phrase is not None:
                return [("market.text", {"country": market, "presence": presence,
                                         "phrase": phrase})]  # fmt: skip
        return [("market.global", {})] if provider.works_globally else []
    if served_in_hong_kong(query.need, enterprise_says_hong_kong(query.enterprise)):
        # what counts instead of markets (features.market): how few services it offers
        served = provider.needs or derived.needs
        return [("need.specialist", {"count": len(served)})] if 0 < len(served) <= 2 else []
    covered = provider.office_markets | provider.network_markets | derived.markets
    targets = [market for market in enterprise_facts(query.enterprise)[1] if market in covered]
    if not targets:
        return []
    offices = sum(
        1 for market in targets if market in provider.office_markets | derived.office_markets
    )
    return [("market.targets", {"countries": ",".join(targets), "offices": offices})]


def _sector(query: ProviderQuery, provider: Provider, derived: Derived) -> list[Reason]:
    sectors = enterprise_facts(query.enterprise)[0]
    for sector in sectors:
        if sector in provider.sectors:
            return [("sector.same", {"sector": sector})]
    for sector in sectors:
        if sector in derived.sectors:
            phrase = _phrase(derived.evidence.get(f"sector:{sector}", ""))
            return [("sector.text", {"sector": sector, "phrase": phrase})]
    for sector in sectors:
        section = section_of(sector)
        if section and any(
            section_of(own) == section for own in provider.sectors | derived.sectors
        ):
            return [("sector.section", {"section": section})]
    return [("sector.generalist", {})] if not provider.sectors and not derived.sectors else []


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


def _concepts(index: ProviderIndex, provider: Provider, wanted: frozenset[str]) -> list[Reason]:
    slot = index.slot_of(provider.id)
    if slot is None or not wanted:
        return []
    shared = sorted({term[1:] for term in index.terms_of(slot) if term in wanted})
    if not shared:
        return []
    return [("text.concepts", {"concepts": ",".join(shared[:MAX_CONCEPTS])})]
