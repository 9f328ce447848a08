"""The parts of the provider score, each a NumPy array over the candidate slots, in [0, 1]."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from goglobal.engines.matching.analysis import analyse, is_concept
from goglobal.engines.matching.codes import (
    SERVED_IN_HONG_KONG_IF_SAID,
    expected_categories,
    says_hong_kong,
    section_of,
    served_in_hong_kong,
)
from goglobal.engines.matching.derive import CONCEPT_NEEDS, derive
from goglobal.engines.matching.index import ProviderIndex
from goglobal.engines.matching.model import Enterprise, ProviderQuery, TrackRecord
from goglobal.engines.matching.postings import Slots
from goglobal.engines.matching.weights import DEFAULT_WEIGHTS, Weights
from goglobal.engines.text.normalise import normalise

Floats = npt.NDArray[np.float64]


def need_fit(
    index: ProviderIndex,
    query: ProviderQuery,
    slots: Slots,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    service_part: Floats | None = None,
) -> Floats:
    """``weights.need_category`` when the provider's category is one that typically serves the
    need, plus 0.3 × focus;
    scaled by ``weights.derived`` when the need is stated only in its text, and by
    ``weights.need_implied`` × how much its profile reads like the need (the ``service`` part)
    when it lists no need and only its category suggests it: a category is a weak reason, and a
    profile that says it does something else (an accountant "specialising in listings" for a
    company set-up) is weaker still: when its text states needs (glossary or encoder) and not
    this one, the implied level is scaled again by ``weights.need_elsewhere``. Without profile
    vectors the category alone decides. ``service_part`` is the ``service`` part when the caller
    has it already (``rank`` does), so it is not computed twice."""
    categories = expected_categories(query.need)
    expected = index.mask(f"category:{category}" for category in categories)[slots]
    coded = index.mask([f"need:{query.need}"])[slots]
    stated = index.mask([f"t.need:{query.need}"])[slots]
    implied = weights.need_implied * _reading(index, query, slots, weights, service_part)
    elsewhere = index.mask(["t.states"])[slots] & ~stated
    implied = implied * np.where(elsewhere, weights.need_elsewhere, 1.0)
    level = np.where(coded, 1.0, np.where(stated, weights.derived, implied))
    share = weights.need_category
    result: Floats = level * (share * expected + 0.3 * index.column("focus")[slots])
    return result


def implied_gate(
    index: ProviderIndex, query: ProviderQuery, slots: Slots, service: Floats, weights: Weights
) -> Floats:
    """1 for a provider that codes the need or states it in its text; for one considered only
    for its category (it lists no need), how much its profile reads like the need (``service``)
    to the power ``weights.implied_gate``: a trade house in Almaty that names no compliance work
    does not outrank the sanctions specialist for its presence there."""
    said = index.mask([f"need:{query.need}", f"t.need:{query.need}"])[slots]
    result: Floats = np.where(said, 1.0, np.clip(service, 0.0, 1.0) ** weights.implied_gate)
    return result


def _reading(
    index: ProviderIndex,
    query: ProviderQuery,
    slots: Slots,
    weights: Weights,
    service_part: Floats | None,
) -> Floats:
    """How much each profile reads like the need, best candidate 1 (1 without vectors)."""
    if not len(slots) or index.need_similarity(slots[:0], query.need) is None:
        return np.ones(len(slots))
    if service_part is not None:
        return service_part
    return service(index, query, slots, weights=weights)


def market_cover(index: ProviderIndex, market: str, slots: Slots, weights: Weights) -> Floats:
    """Office, network or global practice, coded or (a little lower) stated in the text."""
    covers = (
        (f"office:{market}", weights.market_office),
        (f"network:{market}", weights.market_network),
        ("global", weights.market_global),
        (f"t.office:{market}", weights.market_office * weights.derived),
        (f"t.network:{market}", weights.market_network * weights.derived),
    )
    result: Floats = np.zeros(len(slots))
    for key, value in covers:
        result = np.maximum(result, index.mask([key])[slots] * value)
    return result


@lru_cache(maxsize=4096)
def enterprise_facts(enterprise: Enterprise) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sectors, target markets) of the enterprise: coded values, else / plus what its text
    states (a sector only when none is coded; stated markets after the coded ones)."""
    derived = derive((*enterprise.names, enterprise.description))
    sectors = (enterprise.sector,) if enterprise.sector else tuple(sorted(derived.sectors))
    stated = sorted(derived.markets - set(enterprise.target_markets))
    return sectors, (*enterprise.target_markets, *stated)


@lru_cache(maxsize=4096)
def enterprise_says_hong_kong(enterprise: Enterprise) -> bool:
    """The enterprise's description names Hong Kong (where talent is to go, for instance)."""
    return says_hong_kong([normalise(enterprise.description or "")])


def market(index: ProviderIndex, query: ProviderQuery, slots: Slots, weights: Weights) -> Floats:
    """Cover of the asked market; without one, the mean cover of the enterprise's targets, or,
    for a need served in Hong Kong itself (listing, regional HQ, treasury, accounts, talent),
    where wide networks abroad say nothing about fit, how much the provider specialises
    (``weights.hong_kong_specialism`` × its focus, 1/√ of the needs it serves) times how much it
    works in Hong Kong (``hong_kong_presence``) for the needs that go either way (talent is
    brought into Hong Kong or hired abroad)."""
    if query.market:
        return market_cover(index, query.market, slots, weights)
    targets = enterprise_facts(query.enterprise)[1]
    if served_in_hong_kong(query.need, enterprise_says_hong_kong(query.enterprise)):
        specialism: Floats = weights.hong_kong_specialism * index.column("focus")[slots]
        if query.need in SERVED_IN_HONG_KONG_IF_SAID:  # talent: into Hong Kong, not abroad
            specialism = specialism * hong_kong_presence(index, slots, weights)
        return specialism
    if not targets:
        return np.zeros(len(slots))
    covers = [market_cover(index, target, slots, weights) for target in targets]
    result: Floats = np.mean(covers, axis=0)
    return result


def hong_kong_presence(index: ProviderIndex, slots: Slots, weights: Weights) -> Floats:
    """How much the provider works in Hong Kong itself: its cover of ``HK`` (office, network,
    global practice; coded or stated; its text naming Hong Kong counts as stated),
    ``weights.hong_kong_unstated`` when it states no market
    at all (a directory of Hong Kong providers), and at least ``weights.hong_kong_elsewhere``
    when every market it names is elsewhere (an agency for work permits in Vietnam)."""
    cover = market_cover(index, "HK", slots, weights)
    cover = np.maximum(cover, index.mask(["t.hk"])[slots] * weights.derived)
    unstated = ~index.mask(["placed"])[slots]
    floor = np.where(unstated, weights.hong_kong_unstated, weights.hong_kong_elsewhere)
    result: Floats = np.maximum(cover, floor)
    return result


def sector(index: ProviderIndex, enterprise: Enterprise, slots: Slots, weights: Weights) -> Floats:
    """1 for the same GB/T division, less for the same section or a generalist provider; codes
    stated only in the text count ``weights.derived`` of coded ones."""
    result: Floats = np.where(index.mask(["generalist"])[slots], weights.sector_generalist, 0.0)
    for division in enterprise_facts(enterprise)[0]:
        section = section_of(division)
        covers = [(f"sector:{division}", 1.0), (f"t.sector:{division}", weights.derived)]
        if section:
            covers += [
                (f"section:{section}", weights.sector_section),
                (f"t.section:{section}", weights.sector_section * weights.derived),
            ]
        for key, value in covers:
            result = np.maximum(result, index.mask([key])[slots] * value)
    return result


def language(index: ProviderIndex, enterprise: Enterprise, slots: Slots) -> Floats:
    """The share of the enterprise's contact languages the provider speaks."""
    if not enterprise.languages:
        return np.zeros(len(slots))
    spoken = [index.mask([f"lang:{code}"])[slots] * 1.0 for code in enterprise.languages]
    result: Floats = np.sum(spoken, axis=0) / len(enterprise.languages)
    return result


def record_value(record: TrackRecord) -> float:
    """Completed referrals count fully, accepted half, declined take half off; saturates at 1."""
    value = max(0.0, record.completed + 0.5 * record.accepted - 0.5 * record.declined)
    return value / (value + 3.0)


def track_record(index: ProviderIndex, query: ProviderQuery, slots: Slots) -> Floats:
    result = np.zeros(len(slots))
    if not query.track_records:
        return result
    position = {int(slot): i for i, slot in enumerate(slots)}
    for provider_id, record in query.track_records:
        slot = index.slot_of(provider_id)
        if slot is not None and slot in position:
            result[position[slot]] = record_value(record)
    return result


def query_terms(enterprise: Enterprise, weights: Weights) -> dict[str, float]:
    """The enterprise's text as weighted query terms: concepts and words weigh differently."""
    counts = analyse((*enterprise.names, enterprise.description))
    return {
        term: weights.text_concepts if is_concept(term) else weights.text_words for term in counts
    }


@lru_cache(maxsize=4096)
def query_concepts(enterprise: Enterprise, weights: Weights) -> frozenset[str]:
    """The glossary concept terms of the enterprise's text (for the ``text.concepts`` reason)."""
    return frozenset(term for term in query_terms(enterprise, weights) if is_concept(term))


def text(
    index: ProviderIndex, terms: Mapping[str, float], slots: Slots, weights: Weights
) -> Floats:
    """BM25 between the enterprise text and each profile, scaled so the best candidate has 1."""
    scores = index.bm25(terms, k1=weights.bm25_k1, b=weights.bm25_b)[slots]
    best = float(scores.max()) if len(scores) else 0.0
    result: Floats = scores / best if best > 0 else scores
    return result


def dense(index: ProviderIndex, query: ProviderQuery, slots: Slots) -> Floats:
    """Cosine of the enterprise's and each profile's sentence vector, clipped at 0 and scaled so
    the best of ``slots`` has 1; 0 everywhere without an enterprise vector. ``rank`` calls it
    only on the candidates that the other parts leave within reach of the first places."""
    if query.vector is None or not len(slots):
        return np.zeros(len(slots))
    scores = np.clip(index.cosine(slots, query.vector), 0.0, None)
    best = float(scores.max())
    result: Floats = scores / best if best > 0 else scores
    return result


def service(
    index: ProviderIndex,
    query: ProviderQuery,
    slots: Slots,
    *,
    coded: npt.NDArray[np.bool_] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> Floats:
    """For a provider that codes the need, 1 less the mark-down for naming other kinds of the
    service than the enterprise names (``_sub_service``; 1 when it names these or no service);
    otherwise how much its profile reads like the need (cosine of the profile vector with the
    need's, computed at indexing, clipped at 0, best candidate = 1). Without vectors, that level
    for coded providers and 0 for the others."""
    if coded is None:
        coded = index.mask([f"need:{query.need}"])[slots]
    level = _sub_service(index, query, slots, weights)
    similarity = index.need_similarity(slots, query.need) if len(slots) else None
    if similarity is None:
        only_coded: Floats = np.where(coded, level, 0.0)
        return only_coded
    scores = np.clip(similarity, 0.0, None)
    best = float(scores.max())
    scaled = scores / best if best > 0 else scores
    result: Floats = np.where(coded, level, scaled)
    return result


@lru_cache(maxsize=4096)
def service_concepts(enterprise: Enterprise, need: str) -> tuple[str, ...]:
    """The glossary service concepts of the enterprise's text that belong to ``need`` (a
    listing under Chapter 18C, a green dim sum bond rather than a trade loan), as query terms."""
    counts = analyse((*enterprise.names, enterprise.description))
    return tuple(
        sorted(
            term
            for term in counts
            if is_concept(term) and need in CONCEPT_NEEDS.get(term.removeprefix("@"), ())
        )
    )


def _sub_service(
    index: ProviderIndex, query: ProviderQuery, slots: Slots, weights: Weights
) -> Floats:
    """For a provider that codes the need: 1 when its text names the kinds of the service the
    enterprise names (BM25 over those concepts only, best candidate 1), down to
    1 − ``weights.sub_service`` when it names other services and none of these (a bank coded
    for logistics whose profile names only banking); 1 for every provider when the enterprise
    names no kind."""
    concepts = service_concepts(query.enterprise, query.need)
    if not concepts or not len(slots) or not weights.sub_service:
        return np.ones(len(slots))
    scores = index.bm25(dict.fromkeys(concepts, 1.0), k1=weights.bm25_k1, b=0.0)[slots]
    best = float(scores.max())
    if best <= 0:
        return np.ones(len(slots))
    # A terse profile that names no service at all ("corporate finance") is not marked down:
    # only one that names other services (other kinds of this one, or other needs altogether).
    named = index.mask(["t.services"])[slots]
    penalty = np.where(named, weights.sub_service, 0.0)
    result: Floats = 1.0 - penalty * (1.0 - scores / best)
    return result
