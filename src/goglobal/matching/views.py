"""The officer's matching page for one enterprise: suggested providers per need, with reasons."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.enterprises import selectors as enterprise_selectors
from goglobal.enterprises.models import Enterprise
from goglobal.matching import connector, selectors, services
from goglobal.matching.models import ConnectorSuggestion
from goglobal.matching.reasons import ReasonText


@login_required
def enterprise_matches(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    selectors.require_matching(request.user)
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    writer = ReasonText()
    suggestions = list(selectors.latest_suggestions_for(user=request.user, enterprise=enterprise))
    for suggestion in suggestions:
        suggestion.reason_texts = [writer.describe(code, p) for code, p in suggestion.reasons]  # type: ignore[attr-defined]
    by_need = {
        need_id: list(rows) for need_id, rows in groupby(suggestions, key=lambda s: s.need_id)
    }
    needs = [(row, by_need.get(row.need_id, [])) for row in enterprise.needs.all()]
    context = {
        "enterprise": enterprise,
        "needs": needs,
        **_connector_context(request, enterprise, writer),
        "peers": connector.peers_for(enterprise=enterprise),
        "partners": connector.partners_for(enterprise=enterprise),
        "can_refer": selectors.matching_allowed(request.user),
    }
    return render(request, "matching/enterprise_matches.html", context)


def _connector_context(
    request: AuthenticatedRequest, enterprise: Enterprise, writer: ReasonText
) -> dict[str, Any]:
    """Markets and investors: the latest stored ranking, else one computed now (not stored)."""
    countries = connector.country_names()
    markets: list[dict[str, Any]] = []
    stored = selectors.latest_connector_for(
        user=request.user, enterprise=enterprise, kind=ConnectorSuggestion.Kind.MARKET
    )
    if stored is not None:
        markets = [
            {"code": row.market, "country": countries.get(row.market), "score": row.score,
             "texts": [writer.describe(code, p) for code, p in row.reasons]}
            for row in stored
        ]  # fmt: skip
    else:
        markets = [
            {"code": m.code, "country": countries.get(m.code), "score": m.score,
             "texts": [writer.describe(code, p) for code, p in m.reasons]}
            for m in connector.markets_rank(enterprise=enterprise)
        ]  # fmt: skip
    investors: list[dict[str, Any]] = []
    stored_investors = selectors.latest_connector_for(
        user=request.user, enterprise=enterprise, kind=ConnectorSuggestion.Kind.INVESTOR
    )
    if stored_investors is not None:
        investors = [
            {"investor": row.investor, "need": row.need.code if row.need else "",
             "score": row.score, "texts": [writer.describe(code, p) for code, p in row.reasons]}
            for row in stored_investors
            if row.investor is not None
        ]  # fmt: skip
    else:
        investors = [
            {"investor": s.investor, "need": s.need, "score": s.match.score,
             "texts": [writer.describe(code, p) for code, p in s.match.reasons]}
            for s in connector.investors_rank(enterprise=enterprise)
        ]  # fmt: skip
    return {
        "markets": markets,
        "markets_stored": stored[0] if stored else None,
        "investors": investors,
        "investors_stored": stored_investors[0] if stored_investors else None,
    }


@login_required
@require_POST
def connector_refresh(request: AuthenticatedRequest, enterprise_id: int, kind: str) -> HttpResponse:
    """Rank markets or investors again and store the ranking, for audit."""
    selectors.require_matching(request.user)
    if kind not in ConnectorSuggestion.Kind.values:
        raise Http404
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    services.connector_suggest(enterprise=enterprise, kind=kind, actor=request.user)
    messages.success(request, _("Suggestions updated."))
    return redirect(reverse("matching:enterprise", args=[enterprise.pk]) + f"#{kind}s")


@login_required
@require_POST
def enterprise_match_refresh(
    request: AuthenticatedRequest, enterprise_id: int, need_code: str
) -> HttpResponse:
    selectors.require_matching(request.user)
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    row = selectors.enterprise_need_of(enterprise, need_code)
    suggestions = services.match_suggest(enterprise=enterprise, need=row.need, actor=request.user)
    if suggestions:
        messages.success(request, _("Suggestions updated."))
    else:
        messages.info(request, _("No provider in the directory serves this need yet."))
    return redirect("matching:enterprise", enterprise_id=enterprise.pk)


@login_required
def enterprise_portal(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    """The enterprise's own view: its market shortlist and the help available for its needs."""
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    writer = ReasonText()
    countries = connector.country_names()
    markets = [
        (countries.get(m.code), [writer.describe(code, p) for code, p in m.reasons])
        for m in connector.markets_rank(enterprise=enterprise, limit=5)
    ]
    context = {
        "enterprise": enterprise,
        "markets": markets,
        "help": connector.help_for(enterprise=enterprise),
        "peers": connector.peers_for(enterprise=enterprise, consented_only=True),
    }
    return render(request, "matching/enterprise_portal.html", context)
