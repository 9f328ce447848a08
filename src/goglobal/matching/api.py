"""Matching endpoints: the same services and checks as the officer's page."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.enterprises import selectors as enterprise_selectors
from goglobal.matching import selectors, services
from goglobal.matching.models import MatchSuggestion
from goglobal.matching.reasons import ReasonText

router = Router()


class ReasonOut(Schema):
    code: str
    params: dict[str, str | int | float]
    text: str


class SuggestionOut(Schema):
    rank: int
    provider: int
    name: str
    score: float
    at_capacity: bool
    reasons: list[ReasonOut]
    engine_version: str


def _out(suggestion: MatchSuggestion, writer: ReasonText) -> dict[str, object]:
    return {
        "rank": suggestion.rank,
        "provider": suggestion.provider_id,
        "name": str(suggestion.provider),
        "score": suggestion.score,
        "at_capacity": suggestion.at_capacity,
        "engine_version": suggestion.engine_version,
        "reasons": [
            {"code": code, "params": params, "text": writer.describe(code, params)}
            for code, params in suggestion.reasons
        ],
    }


@router.post(
    "/enterprises/{enterprise_id}/needs/{need_code}/providers", response=list[SuggestionOut]
)
def providers_suggest(
    request: AuthenticatedRequest, enterprise_id: int, need_code: str, market: str = ""
) -> list[dict[str, object]]:
    """Rank providers for one need now; the suggestions are stored for audit."""
    selectors.require_matching(request.user)
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    row = get_object_or_404(enterprise.needs.select_related("need"), need__code=need_code)
    suggestions = services.match_suggest(
        enterprise=enterprise, need=row.need, actor=request.user, market=market.upper()
    )
    writer = ReasonText()
    return [_out(suggestion, writer) for suggestion in suggestions]
