"""Market pages: index with search, profile, route comparator, staleness report."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from goglobal.core.i18n import localized
from goglobal.core.labels import sort_key, sorted_by_name
from goglobal.core.pagination import CappedPaginator
from goglobal.knowledge import programmes, selectors
from goglobal.knowledge.models import (
    Agreement,
    Country,
    HongKongFunction,
    Indicator,
    NeedCode,
    Sector,
)
from goglobal.knowledge.services import rules as rules_service
from goglobal.knowledge.templatetags.reference import region_name


@login_required
def market_index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    region = request.GET.get("region", "")
    markets = sorted_by_name(
        selectors.market_list_search(user=request.user, query=query, region=region),
        lambda market: localized(market, "name"),
    )
    return render(
        request,
        "knowledge/market_index.html",
        {
            "markets": markets,
            "groups": _by_region(markets),
            "coverage": selectors.market_coverage(),
            "counts": selectors.agreement_counts(),
            "regions": selectors.market_regions(),
            "query": query,
            "region": region,
        },
    )


def _by_region(markets: list[Country]) -> list[tuple[str, str, list[Country]]]:
    """``(region, its name, its markets)`` per region, regions in the reader's collation and
    markets without a region last; each group keeps the markets' order."""
    groups: dict[str, list[Country]] = {}
    for market in markets:
        groups.setdefault(market.region, []).append(market)
    named = sorted(
        ((code, region_name(code), rows) for code, rows in groups.items() if code),
        key=lambda group: sort_key(group[1]),
    )
    if "" in groups:
        named.append(("", gettext("Other territories"), groups[""]))
    return named


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
            "key_indicators": sorted(
                Indicator.objects.filter(code__in=selectors.CHART_INDICATORS).select_related(
                    "source", "second_source"
                ),
                key=lambda row: selectors.CHART_INDICATORS.index(row.code),
            ),
        },
    )


@login_required
def fact_stale_report(request: HttpRequest) -> HttpResponse:
    """Browse and search every fact; with "stale only", those not checked for N months."""
    if not getattr(request.user, "is_internal", False):
        raise PermissionDenied
    months_text = request.GET.get("months", "")
    months = int(months_text) if months_text.isdigit() else selectors.stale_months()
    months = min(months, selectors.MAX_STALE_MONTHS)
    stale_only = request.GET.get("all") != "1"
    kind = request.GET.get("kind", "")
    query = request.GET.get("q", "").strip()
    sort = request.GET.get("sort", "")
    sort = sort if sort in selectors.FACT_SORTS else "use"
    facts = selectors.fact_list(
        user=request.user,
        kind=kind,
        query=query,
        stale_after=months if stale_only else None,
        sort=sort,
    )
    page = CappedPaginator(facts, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/stale_report.html",
        {
            "facts": list(page),
            "page_obj": page,
            "total": len(facts),
            "months": months,
            "kind": kind,
            "query": query,
            "stale_only": stale_only,
            "sort": sort,
            "kinds": list(selectors.FACT_MODELS),
            "secondary_count": sum(fact.on_secondary_only for fact in facts),
        },
    )


@login_required
def fact_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """One fact: its fields, its sources (and their kind), when it was checked, where it is used."""
    if not getattr(request.user, "is_internal", False):
        raise PermissionDenied
    fact = selectors.fact_get_for(user=request.user, kind=kind, pk=pk)
    context: dict[str, Any] = {"fact": fact, "fields": selectors.fact_fields(fact.record)}
    if kind == "rule":  # the value in force today beside the one a temporary rule suspends
        today = timezone.localdate()
        context["rule"] = rules_service.rule_on_day(str(getattr(fact.record, "code", "")), on=today)
        context["today"] = today
    return render(request, "knowledge/fact_detail.html", context)


_reason_text = programmes.reason_text


@login_required
def function_index(request: HttpRequest) -> HttpResponse:
    functions = list(programmes.function_list())
    return render(
        request,
        "knowledge/function_index.html",
        {"functions": functions, "groups": HongKongFunction.Group},
    )


@login_required
def function_detail(request: HttpRequest, code: str) -> HttpResponse:
    function = programmes.function_get(code=code)
    needs = {need.code: need for need in NeedCode.objects.filter(code__in=function.need_codes)}
    return render(
        request,
        "knowledge/function_detail.html",
        {"function": function, "needs": [needs[code] for code in function.need_codes]},
    )


@login_required
def scheme_index(request: HttpRequest) -> HttpResponse:
    """Schemes and listing routes; staff pick an enterprise by name to check eligibility
    (``?q=`` a name typed; ``?enterprise=`` the one picked, as links carry it)."""
    schemes = list(programmes.scheme_list())
    listing = [item for item in programmes.function_list() if item.eligibility]
    can_check = getattr(request.user, "is_internal", False)
    query = request.GET.get("q", "").strip()[:200] if can_check else ""
    enterprise_text = request.GET.get("enterprise", "") if can_check else ""
    matches = programmes.enterprise_choices(query=query) if query and not enterprise_text else []
    if len(matches) == 1:
        enterprise_text = str(matches[0].pk)
    chosen = None
    checks: dict[str, Any] = {}
    if enterprise_text:
        if not enterprise_text.isdigit():
            raise Http404
        chosen = programmes.enterprise_choice_get(enterprise_id=int(enterprise_text))
        profile = programmes.enterprise_profile_get(enterprise_id=int(enterprise_text))
        if profile is None or chosen is None:
            raise Http404
        for row in programmes.checks_for(schemes + listing, profile):
            checks[f"{type(row.item).__name__}:{row.item.pk}"] = {
                "eligible": row.eligible,
                "reasons": [_reason_text(reason) for reason in row.reasons],
            }
    return render(
        request,
        "knowledge/scheme_index.html",
        {
            "schemes": [(s, checks.get(f"Scheme:{s.pk}")) for s in schemes],
            "listing": [(f, checks.get(f"HongKongFunction:{f.pk}")) for f in listing],
            "query": chosen.name if chosen else query,
            "chosen": chosen,
            "matches": matches if len(matches) > 1 else [],
            "too_many": len(matches) > 10,
            "no_match": bool(query) and not matches and chosen is None,
            "can_check": can_check,
            "checked": bool(checks),
        },
    )


@login_required
def mechanism_index(request: HttpRequest) -> HttpResponse:
    is_staff = getattr(request.user, "is_internal", False)
    mechanisms = list(programmes.mechanism_list(with_case_counts=is_staff))
    initiative_count = sum(len(mechanism.initiatives.all()) for mechanism in mechanisms)
    return render(
        request,
        "knowledge/mechanism_index.html",
        {
            "mechanisms": mechanisms,
            "initiative_count": initiative_count,
            "show_case_counts": is_staff,
            "task_forces": programmes.task_force_list(),
        },
    )


@login_required
def rule_index(request: HttpRequest) -> HttpResponse:
    """Every dated rule: the value in force on a day (today by default), the standing value a
    temporary rule suspends while it runs, and the history of each rule."""
    text = request.GET.get("on", "")
    try:
        on = date.fromisoformat(text) if text else timezone.localdate()
    except ValueError:
        on = timezone.localdate()
    return render(
        request,
        "knowledge/rule_index.html",
        {"rules": rules_service.rule_overview(on=on), "on": on},
    )
