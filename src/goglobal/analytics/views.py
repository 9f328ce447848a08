"""The staff overview: the platform's figures at a glance."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from goglobal.accounts import rules
from goglobal.accounts.http import AuthenticatedRequest
from goglobal.analytics import selectors
from goglobal.analytics.exposure import exposure_report
from goglobal.cases import selectors as case_selectors


@login_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.can(request.user, "enterprise.view_any"):
        raise PermissionDenied
    sees_cases = case_selectors.case_can_view(request.user)
    weeks = selectors.registrations_by_week()
    tallest = max((week.count for week in weeks), default=0) or 1
    return render(
        request,
        "analytics/overview.html",
        {
            "totals": selectors.totals(),
            "weeks": [(week, week.count / tallest) for week in weeks],
            "needs": selectors.needs_ranked(),
            "cities": selectors.cities_ranked(),
            "markets": selectors.markets_ranked(),
            "categories": selectors.providers_by_category(),
            "exposure": exposure_report(),
            "pipeline": selectors.pipeline() if sees_cases else None,
            "today": timezone.localdate(),
        },
    )
