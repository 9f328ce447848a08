"""Directory pages: providers and investors, their profiles, and the provider portal."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.rules import can
from goglobal.core.forms import VersionForm, save_or_explain
from goglobal.core.pagination import CappedPaginator
from goglobal.knowledge.languages import WORKING_LANGUAGES
from goglobal.knowledge.models import Country, NeedCode, Sector
from goglobal.providers import selectors, services
from goglobal.providers.forms import InvestorProfileForm, ProviderProfileForm
from goglobal.providers.models import InvestmentStage, InvestorType, ProviderCategory
from goglobal.providers.suggestions import codes_suggested_by_text


def _page(request: AuthenticatedRequest, queryset: QuerySet[Any]) -> Page[Any]:
    return CappedPaginator(queryset, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))


def _choices() -> dict[str, object]:
    return {
        "needs": NeedCode.objects.filter(is_active=True),
        "sectors": Sector.objects.filter(level=Sector.Level.DIVISION),
        "countries": Country.objects.all(),
        "languages": WORKING_LANGUAGES,
    }


@login_required
def provider_directory(request: AuthenticatedRequest) -> HttpResponse:
    get = request.GET
    filters = selectors.ProviderFilters(
        query=get.get("q", "").strip(),
        category=get.get("category", ""),
        need=get.get("need", ""),
        sector=get.get("sector", ""),
        market=get.get("market", ""),
        language=get.get("language", ""),
    )
    queryset = selectors.provider_search(user=request.user, filters=filters)
    context = {
        "page_obj": _page(request, queryset),
        "filters": filters,
        "categories": ProviderCategory.choices,
        **_choices(),
    }
    return render(request, "providers/directory.html", context)


@login_required
def provider_detail(request: AuthenticatedRequest, provider_id: int) -> HttpResponse:
    provider = selectors.provider_get_for(user=request.user, provider_id=provider_id)
    can_edit = selectors.provider_can_edit(user=request.user, provider=provider)
    return render(
        request, "providers/provider_detail.html", {"provider": provider, "can_edit": can_edit}
    )


@login_required
def provider_portal(request: AuthenticatedRequest) -> HttpResponse:
    provider = selectors.provider_of_member(request.user)
    if provider is None:
        raise Http404
    return redirect(provider)


@login_required
def provider_edit(request: AuthenticatedRequest, provider_id: int) -> HttpResponse:
    provider = selectors.provider_get_for_edit(user=request.user, provider_id=provider_id)
    form = ProviderProfileForm(request.POST or None, instance=provider)
    version = VersionForm(request.POST or None, initial={"version": provider.version})
    if request.method == "POST" and form.is_valid() and version.is_valid():
        values = form.profile_values()
        values["external_id"] = provider.external_id
        data = services.ProviderInput(
            values=values,
            needs=form.cleaned_data["needs"],
            sectors=form.cleaned_data["sectors"],
            markets=form.markets(),
        )
        saved = save_or_explain(
            form,
            lambda: services.provider_update(
                actor=request.user,
                provider=provider,
                seen_version=version.cleaned_data["version"],
                data=data,
            ),
        )
        if saved:
            messages.success(request, _("Profile saved."))
            return redirect(provider)
    return render(
        request,
        "providers/provider_edit.html",
        {
            "form": form,
            "version_form": version,
            "provider": provider,
            # Staff see what the text states beyond the codes (providers keep their own page).
            "suggested": (
                codes_suggested_by_text(provider)
                if can(request.user, "directory.edit_any")
                else None
            ),
        },
    )


@login_required
def investor_directory(request: AuthenticatedRequest) -> HttpResponse:
    get = request.GET
    filters = selectors.InvestorFilters(
        query=get.get("q", "").strip(),
        investor_type=get.get("investor_type", ""),
        sector=get.get("sector", ""),
        stage=get.get("stage", ""),
        market=get.get("market", ""),
    )
    queryset = selectors.investor_search(user=request.user, filters=filters)
    context = {
        "page_obj": _page(request, queryset),
        "filters": filters,
        "types": InvestorType.choices,
        "stages": InvestmentStage.choices,
        **_choices(),
    }
    return render(request, "providers/investors.html", context)


@login_required
def investor_detail(request: AuthenticatedRequest, investor_id: int) -> HttpResponse:
    investor = selectors.investor_get_for(user=request.user, investor_id=investor_id)
    stage_labels = dict(InvestmentStage.choices)
    return render(
        request,
        "providers/investor_detail.html",
        {
            "investor": investor,
            "stages": [stage_labels.get(s, s) for s in investor.stages],
            "can_edit": selectors.investor_can_edit(user=request.user),
        },
    )


@login_required
def investor_edit(request: AuthenticatedRequest, investor_id: int) -> HttpResponse:
    investor = selectors.investor_get_for_edit(user=request.user, investor_id=investor_id)
    form = InvestorProfileForm(request.POST or None, instance=investor)
    version = VersionForm(request.POST or None, initial={"version": investor.version})
    if request.method == "POST" and form.is_valid() and version.is_valid():
        values = form.profile_values()
        values["external_id"] = investor.external_id
        data = services.InvestorInput(
            values=values,
            sectors=form.cleaned_data["sectors"],
            markets=form.cleaned_data["markets"],
        )
        saved = save_or_explain(
            form,
            lambda: services.investor_update(
                actor=request.user,
                investor=investor,
                seen_version=version.cleaned_data["version"],
                data=data,
            ),
        )
        if saved:
            messages.success(request, _("Profile saved."))
            return redirect(investor)
    return render(
        request,
        "providers/investor_edit.html",
        {"form": form, "version_form": version, "investor": investor},
    )
