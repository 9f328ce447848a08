"""Matching endpoints: the same services and checks as the officer's page."""

from ninja import Router, Schema
from pydantic import JsonValue

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.i18n import localized
from goglobal.enterprises import selectors as enterprise_selectors
from goglobal.matching import connector, selectors, services
from goglobal.matching.models import MatchSuggestion
from goglobal.matching.reasons import ReasonText

router = Router()


class ReasonOut(Schema):
    code: str
    params: dict[str, JsonValue]  # a number, a text or a list of codes, by reason
    text: str


class SuggestionOut(Schema):
    rank: int
    provider: int
    name: str
    score: float
    at_capacity: bool
    reasons: list[ReasonOut]
    engine_version: str


def _out(suggestion: MatchSuggestion, writer: ReasonText, name: str) -> dict[str, object]:
    return {
        "rank": suggestion.rank,
        "provider": suggestion.provider_id,
        "name": name,
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
    row = selectors.enterprise_need_of(enterprise, need_code)
    suggestions = services.match_suggest(
        enterprise=enterprise, need=row.need, actor=request.user, market=market.upper()
    )
    writer = ReasonText()
    names = selectors.provider_names([suggestion.provider_id for suggestion in suggestions])
    return [_out(s, writer, names.get(s.provider_id, "")) for s in suggestions]


class RankedOut(Schema):
    code: str
    name: str
    score: float
    reasons: list[ReasonOut]


def _reasons(reasons: object, writer: ReasonText) -> list[dict[str, object]]:
    return [
        {"code": code, "params": params, "text": writer.describe(code, params)}
        for code, params in reasons  # type: ignore[attr-defined]
    ]


@router.get("/enterprises/{enterprise_id}/markets", response=list[RankedOut])
def markets_suggest(request: AuthenticatedRequest, enterprise_id: int) -> list[dict[str, object]]:
    """Target markets for the enterprise, best first, with reasons."""
    selectors.require_matching(request.user)
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    writer = ReasonText()
    countries = connector.country_names()
    return [
        {
            "code": m.code,
            "name": localized(countries[m.code], "name") if m.code in countries else m.code,
            "score": m.score,
            "reasons": _reasons(m.reasons, writer),
        }
        for m in connector.markets_rank(enterprise=enterprise)
    ]


class InvestorMatchOut(Schema):
    investor: int
    need: str
    name: str
    score: float
    reasons: list[ReasonOut]


@router.get("/enterprises/{enterprise_id}/investors", response=list[InvestorMatchOut])
def investors_suggest(request: AuthenticatedRequest, enterprise_id: int) -> list[dict[str, object]]:
    """Investors for each fundraising need of the enterprise, with reasons."""
    selectors.require_matching(request.user)
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    writer = ReasonText()
    return [
        {
            "investor": s.investor.pk,
            "need": s.need,
            "name": str(s.investor),
            "score": s.match.score,
            "reasons": _reasons(s.match.reasons, writer),
        }
        for s in connector.investors_rank(enterprise=enterprise)
    ]
