"""Rank providers for one need of one enterprise: hard filters, a weighted score, reasons.

Hard filters: the provider serves the need (coded, stated in its text, or — listing no need at
all — typical of its category); it covers the market (office, network or a global practice, coded
or stated in its text) when one is asked; it is not conflicted. When too few cover the market,
the list is filled with providers that pass every filter but the market's, below all that cover
it and saying so (``market.none``). A provider at its monthly capacity is not dropped: it moves
below every provider with capacity and says why. Ties break on the id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from goglobal.engines.matching import features
from goglobal.engines.matching.fairness import rotate
from goglobal.engines.matching.index import ProviderIndex
from goglobal.engines.matching.model import Match, ProviderQuery, Reason
from goglobal.engines.matching.postings import Slots
from goglobal.engines.matching.reasons import explain
from goglobal.engines.matching.weights import DEFAULT_WEIGHTS, Weights

ROTATION_POOL = 20  # how far below the first places rotation looks for near-equal providers
PARTS = ("need_fit", "service", "market", "sector", "language", "track_record", "text", "dense")
Floats = npt.NDArray[np.float64]


def candidates(index: ProviderIndex, query: ProviderQuery, *, covered: bool = True) -> Slots:
    """Live slots that pass the hard filters; with ``covered=False``, the providers that pass
    every filter but the market's (they serve the need, but state no presence there)."""
    need = query.need
    slots = index.slots_any([f"need:{need}", f"t.need:{need}", f"u.need:{need}"])
    if query.market:
        market = query.market
        cover = index.mask(
            [f"office:{market}", f"network:{market}", "global", f"t.office:{market}",
             f"t.network:{market}"]
        )  # fmt: skip
        slots = slots[cover[slots] == covered]
    elif not covered:
        return slots[:0]
    if query.conflicted:
        banned = [index.slot_of(provider_id) for provider_id in query.conflicted]
        slots = slots[~np.isin(slots, [slot for slot in banned if slot is not None])]
    return slots


def score_parts(
    index: ProviderIndex, query: ProviderQuery, slots: Slots, weights: Weights
) -> dict[str, Floats]:
    enterprise = query.enterprise
    service = features.service(index, query, slots, weights=weights)
    # A provider considered only because its category typically serves the need is worth its
    # presence in the market and its sector only as far as its profile reads like the need.
    gate = features.implied_gate(index, query, slots, service, weights)
    return {
        "need_fit": features.need_fit(index, query, slots, weights, service_part=service),
        "service": service,
        "market": gate * features.market(index, query, slots, weights),
        "sector": gate * features.sector(index, enterprise, slots, weights),
        "language": features.language(index, enterprise, slots),
        "track_record": features.track_record(index, query, slots),
        "text": features.text(index, features.query_terms(enterprise, weights), slots, weights),
    }


@dataclass(frozen=True, slots=True)
class _Scored:
    slots: Slots
    parts: dict[str, Floats]
    scores: Floats
    full: npt.NDArray[np.bool_]  # at capacity


def rank(
    index: ProviderIndex,
    query: ProviderQuery,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    limit: int = 10,
) -> list[Match]:
    """The best ``limit`` providers for ``query``, best first, each with score and reasons.

    When fewer than ``limit`` providers cover the market asked, the list is filled with the best
    of those that serve the need but state no presence there, each below every one that does and
    saying so (``market.none``): an officer still sees the specialist who can act from Hong Kong
    or through its own contacts, and knows to ask."""
    if limit <= 0:
        return []
    matches = _ranked(index, query, candidates(index, query), weights, limit)
    if len(matches) < limit and query.market:
        outside = candidates(index, query, covered=False)
        extra = _ranked(index, query, outside, weights, limit - len(matches), rotation=False)
        absent: Reason = ("market.none", {"country": query.market})
        matches += [replace(match, reasons=(*match.reasons, absent)) for match in extra]
    return matches


def _ranked(
    index: ProviderIndex,
    query: ProviderQuery,
    slots: Slots,
    weights: Weights,
    limit: int,
    *,
    rotation: bool = True,
) -> list[Match]:
    if not len(slots):
        return []
    parts = score_parts(index, query, slots, weights)
    scores: Floats = np.zeros(len(slots))
    for name in PARTS[:-1]:
        scores = scores + getattr(weights, name) * parts[name]
    full = index.column("open")[slots] >= index.column("capacity")[slots]
    count = limit + (ROTATION_POOL if weights.fairness_margin > 0 else 0)
    parts["dense"] = _dense_on_short_list(index, query, slots, scores, full, count, weights)
    scores = scores + weights.dense * parts["dense"]
    scored = _Scored(slots, parts, scores, full)
    order = _best(index, scored, count)
    matches = [_match(index, scored, i) for i in order]
    if rotation:
        matches = rotate(matches, query.rotation, margin=weights.fairness_margin)
    # Reasons are written for the places shown only (rotation reads scores alone).
    wanted = features.query_concepts(query.enterprise, weights)
    return [_explained(index, query, match, weights, wanted) for match in matches[:limit]]


def _dense_on_short_list(
    index: ProviderIndex,
    query: ProviderQuery,
    slots: Slots,
    scores: Floats,
    full: npt.NDArray[np.bool_],
    count: int,
    weights: Weights,
) -> Floats:
    """The dense part, computed only where it can change the first ``count`` places: the dense
    part lies in [0, 1], so a candidate more than ``weights.dense`` below the ``count``-th best
    score without it cannot reach them."""
    result: Floats = np.zeros(len(slots))
    if query.vector is None or not weights.dense or not index.has_vectors:
        return result
    keyed = np.where(full, scores - 1e6, scores)
    if len(keyed) > count:
        threshold = np.partition(keyed, len(keyed) - count)[len(keyed) - count] - weights.dense
        near = np.flatnonzero(keyed >= threshold - 1e-9)
    else:
        near = np.arange(len(keyed))
    result[near] = features.dense(index, query, slots[near])
    return result


def _best(index: ProviderIndex, scored: _Scored, count: int) -> list[int]:
    """Positions of the best ``count`` candidates: with capacity first, then score, then id."""
    scores, full, slots = scored.scores, scored.full, scored.slots
    keyed = np.where(full, scores - 1e6, scores)
    if len(keyed) > count:
        threshold = np.partition(keyed, len(keyed) - count)[len(keyed) - count]
        chosen = np.flatnonzero(keyed >= threshold - 1e-9)
    else:
        chosen = np.arange(len(keyed))
    ranked = sorted(
        chosen.tolist(),
        key=lambda i: (bool(full[i]), -round(float(scores[i]), 9), index.id_of(int(slots[i]))),
    )
    return ranked[:count]


def _match(index: ProviderIndex, scored: _Scored, i: int) -> Match:
    """The match at position ``i`` of the candidates, its reasons still to be written."""
    return Match(
        id=index.id_of(int(scored.slots[i])),
        score=round(float(scored.scores[i]), 6),
        reasons=(),
        parts={name: round(float(scored.parts[name][i]), 6) for name in PARTS},
        at_capacity=bool(scored.full[i]),
    )


def _explained(
    index: ProviderIndex,
    query: ProviderQuery,
    match: Match,
    weights: Weights,
    wanted: frozenset[str],
) -> Match:
    """``match`` with the reasons for its parts first, then any it was given (rotation's)."""
    provider = index.get(match.id)
    if provider is None:  # pragma: no cover - candidates are live slots
        raise LookupError(match.id)
    reasons = explain(index, query, provider, match.parts, weights, wanted)
    return replace(match, reasons=(*reasons, *match.reasons))
