"""Asking the matcher for providers and keeping what it suggested."""

from __future__ import annotations

import dataclasses
import uuid

from django.db import transaction

from goglobal.accounts.models import User
from goglobal.engines import matching as engine
from goglobal.engines.matching import embed
from goglobal.engines.matching import investors as investor_engine
from goglobal.engines.matching import markets as market_engine
from goglobal.enterprises.models import Enterprise
from goglobal.knowledge.models import NeedCode
from goglobal.matching import connector, freshness, index_cache, outcomes, profiles
from goglobal.matching.models import ConnectorSuggestion, MatchSuggestion
from goglobal.matching.weights import current_weights


@transaction.atomic
def match_suggest(
    *,
    enterprise: Enterprise,
    need: NeedCode,
    actor: User | None,
    market: str = "",
    limit: int = 5,
) -> list[MatchSuggestion]:
    """Rank the providers that serve ``need`` for ``enterprise``; store and return the top ones.

    Each call is a batch of rows recording the engine version and the weights used. The number
    of earlier batches for this need is the rotation key, so providers whose scores are within
    the fairness margin take turns at the top. What the request reads is kept to four
    statements when the enterprise's profile is kept by this process (docs/matching.md): the
    stamps (``freshness``), the needs taxonomy, the referral counts, and the rows written.
    """
    stamps = freshness.read(
        enterprise_id=enterprise.pk, need_id=need.pk, count_live=index_cache.recount_due()
    )
    profile = profiles.profile_for(enterprise.pk, stamps.enterprise)
    records, held = outcomes.referral_counts(profile.sector)
    index = index_cache.provider_index(stamps, held)
    vector = stamps.enterprise_vector
    query = engine.ProviderQuery(
        enterprise=profile.enterprise,
        need=need.code,
        market=market or None,
        track_records=records,
        rotation=stamps.rotation,
        vector=None if vector is None else embed.from_bytes(vector),
    )
    weights_used = current_weights()
    matches = engine.rank(index, query, weights=weights_used, limit=limit)
    batch = uuid.uuid4()
    weights = dataclasses.asdict(weights_used)
    rows = [
        MatchSuggestion(
            batch=batch,
            enterprise=enterprise,
            need=need,
            market=market,
            provider_id=int(match.id),
            rank=position,
            score=round(match.score, 6),
            reasons=[[code, params] for code, params in match.reasons],
            parts={name: round(value, 6) for name, value in match.parts.items()},
            at_capacity=match.at_capacity,
            engine_version=engine.ENGINE_VERSION,
            weights=weights,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        for position, match in enumerate(matches, start=1)
    ]
    return MatchSuggestion.objects.bulk_create(rows)


@transaction.atomic
def connector_suggest(
    *, enterprise: Enterprise, kind: str, actor: User | None
) -> list[ConnectorSuggestion]:
    """Rank markets or investors for ``enterprise`` and store the ranking as one batch, with the
    engine version and the weights used, as ``match_suggest`` does for providers."""
    batch = uuid.uuid4()
    common = {
        "batch": batch,
        "kind": kind,
        "enterprise": enterprise,
        "engine_version": engine.ENGINE_VERSION,
        "created_by": actor if getattr(actor, "pk", None) else None,
    }
    rows: list[ConnectorSuggestion] = []
    if kind == ConnectorSuggestion.Kind.MARKET:
        weights = dataclasses.asdict(market_engine.MarketWeights())
        for position, market in enumerate(connector.markets_rank(enterprise=enterprise), start=1):
            rows.append(
                ConnectorSuggestion(
                    **common,
                    market=market.code,
                    rank=position,
                    score=round(market.score, 6),
                    reasons=[[code, params] for code, params in market.reasons],
                    parts={name: round(value, 6) for name, value in market.parts.items()},
                    weights=weights,
                )
            )
    elif kind == ConnectorSuggestion.Kind.INVESTOR:
        weights = dataclasses.asdict(investor_engine.InvestorWeights())
        needs = {n.code: n for n in NeedCode.objects.filter(code__startswith="fundraising.")}
        for position, found in enumerate(connector.investors_rank(enterprise=enterprise), start=1):
            rows.append(
                ConnectorSuggestion(
                    **common,
                    need=needs.get(found.need),
                    investor=found.investor,
                    rank=position,
                    score=round(found.match.score, 6),
                    reasons=[[code, params] for code, params in found.match.reasons],
                    parts={name: round(value, 6) for name, value in found.match.parts.items()},
                    weights=weights,
                )
            )
    else:
        raise ValueError(f"unknown connector suggestion kind {kind!r}")
    return ConnectorSuggestion.objects.bulk_create(rows)
