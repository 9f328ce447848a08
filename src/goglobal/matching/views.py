"""The officer's matching page for one enterprise: suggested providers per need, with reasons."""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.enterprises import selectors as enterprise_selectors
from goglobal.matching import connector, selectors, services
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
    countries = connector.country_names()
    markets = [
        (countries.get(m.code), m, [writer.describe(code, p) for code, p in m.reasons])
        for m in connector.markets_rank(enterprise=enterprise)
    ]
    investors = [
        (s, [writer.describe(code, p) for code, p in s.match.reasons])
        for s in connector.investors_rank(enterprise=enterprise)
    ]
    context = {
        "enterprise": enterprise,
        "needs": needs,
        "markets": markets,
        "investors": investors,
        "peers": connector.peers_for(enterprise=enterprise),
    }
    return render(request, "matching/enterprise_matches.html", context)


@login_required
@require_POST
def enterprise_match_refresh(
    request: AuthenticatedRequest, enterprise_id: int, need_code: str
) -> HttpResponse:
    selectors.require_matching(request.user)
    enterprise = enterprise_selectors.enterprise_get_for(
        user=request.user, enterprise_id=enterprise_id
    )
    row = get_object_or_404(enterprise.needs.select_related("need"), need__code=need_code)
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
    }
    return render(request, "matching/enterprise_portal.html", context)
