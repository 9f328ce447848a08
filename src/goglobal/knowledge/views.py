"""Market pages: index with search, profile, route comparator, staleness report."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from goglobal.knowledge import selectors
from goglobal.knowledge.models import Agreement, Country, Sector


@login_required
def market_index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    region = request.GET.get("region", "")
    markets = list(selectors.market_list_search(user=request.user, query=query, region=region))
    return render(
        request,
        "knowledge/market_index.html",
        {
            "markets": markets,
            "coverage": selectors.market_coverage(),
            "counts": selectors.agreement_counts(),
            "regions": selectors.market_regions(),
            "query": query,
            "region": region,
        },
    )


@login_required
def market_detail(request: HttpRequest, code: str) -> HttpResponse:
    profile = selectors.market_profile_get_for(user=request.user, code=code)
    return render(request, "knowledge/market_detail.html", {"profile": profile})


@login_required
def market_compare(request: HttpRequest) -> HttpResponse:
    codes = request.GET.getlist("market")
    sector = Sector.objects.filter(code=request.GET.get("sector", "")).first()
    profiles = selectors.market_compare_for(user=request.user, codes=codes)
    return render(
        request,
        "knowledge/market_compare.html",
        {
            "profiles": profiles,
            "chosen": [profile.country.code for profile in profiles],
            "countries": Country.objects.order_by("name_en"),
            "sectors": Sector.objects.filter(level=Sector.Level.SECTION),
            "sector": sector,
            "max_compared": selectors.MAX_COMPARED,
            "kinds": Agreement.Kind,
            "key_indicators": selectors.CHART_INDICATORS,
        },
    )


@login_required
def fact_stale_report(request: HttpRequest) -> HttpResponse:
    if not getattr(request.user, "is_internal", False):
        raise PermissionDenied
    months_text = request.GET.get("months", "")
    months = int(months_text) if months_text.isdigit() else selectors.stale_months()
    kind = request.GET.get("kind", "")
    facts = selectors.stale_fact_list(user=request.user, months=months, kind=kind)
    return render(
        request,
        "knowledge/stale_report.html",
        {"facts": facts, "months": months, "kind": kind, "kinds": list(selectors.FACT_MODELS)},
    )
