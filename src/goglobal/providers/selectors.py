"""Every user-triggered read of the directory, with role and object checks applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from goglobal.accounts import rules
from goglobal.accounts.models import Role, User
from goglobal.engines.text import normalise
from goglobal.knowledge import selectors as knowledge
from goglobal.providers.models import Investor, ProviderMarket, ProviderMembership, ServiceProvider


def provider_of_member(user: User) -> ServiceProvider | None:
    if user.role != Role.PROVIDER_MEMBER:
        return None
    membership = (
        ProviderMembership.objects.select_related("provider")
        .filter(user=user, provider__deleted_at__isnull=True)
        .first()
    )
    return membership.provider if membership else None


def providers_visible_to(user: User) -> QuerySet[ServiceProvider]:
    if not rules.can(user, "directory.view"):
        return ServiceProvider.objects.none()
    return ServiceProvider.objects.filter(deleted_at__isnull=True)


def investors_visible_to(user: User) -> QuerySet[Investor]:
    if not rules.can(user, "directory.view"):
        return Investor.objects.none()
    return Investor.objects.filter(deleted_at__isnull=True)


def provider_can_edit(*, user: User, provider: ServiceProvider) -> bool:
    if rules.can(user, "directory.edit_any"):
        return True
    return user.role == Role.PROVIDER_MEMBER and provider.members.filter(user=user).exists()


def _provider_profile(queryset: QuerySet[ServiceProvider]) -> QuerySet[ServiceProvider]:
    return queryset.prefetch_related(
        "needs",
        "sectors",
        Prefetch("markets", queryset=ProviderMarket.objects.select_related("country")),
    )


def provider_get_for(*, user: User, provider_id: int) -> ServiceProvider:
    return get_object_or_404(_provider_profile(providers_visible_to(user)), pk=provider_id)


def provider_get_for_edit(*, user: User, provider_id: int) -> ServiceProvider:
    provider = provider_get_for(user=user, provider_id=provider_id)
    if not provider_can_edit(user=user, provider=provider):
        raise Http404
    return provider


def investor_get_for(*, user: User, investor_id: int) -> Investor:
    queryset = investors_visible_to(user).prefetch_related("sectors", "markets")
    return get_object_or_404(queryset, pk=investor_id)


def investor_can_edit(*, user: User) -> bool:
    return rules.can(user, "directory.edit_any")


def investor_get_for_edit(*, user: User, investor_id: int) -> Investor:
    if not investor_can_edit(user=user):
        raise Http404
    return investor_get_for(user=user, investor_id=investor_id)


@dataclass(frozen=True)
class ProviderFilters:
    query: str = ""
    category: str = ""
    need: str = ""
    sector: str = ""
    market: str = ""
    language: str = ""


def provider_search(*, user: User, filters: ProviderFilters) -> QuerySet[ServiceProvider]:
    """Providers matching every filter; the query finds any name in any of the three scripts."""
    queryset = providers_visible_to(user)
    if filters.query:
        queryset = queryset.filter(search_text__contains=normalise(filters.query))
    if filters.category:
        queryset = queryset.filter(category=filters.category)
    if filters.need:
        need = knowledge.need_id(filters.need)
        queryset = queryset.filter(Exists(_provider_links("needs", needcode_id=need)))
    if filters.sector:
        sector = knowledge.sector_id(filters.sector)
        queryset = queryset.filter(Exists(_provider_links("sectors", sector_id=sector)))
    if filters.market:
        markets = ProviderMarket.objects.filter(
            provider=OuterRef("pk"), country_id=knowledge.country_id(filters.market)
        )
        queryset = queryset.filter(Exists(markets))
    if filters.language:
        queryset = queryset.filter(_json_list_has("languages", filters.language))
    return _provider_profile(queryset)


def _json_list_has(field: str, value: str) -> Q:
    """A JSON list column holds ``value``: ``@>`` on PostgreSQL, a text match on SQLite."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})


def _provider_links(relation: str, **lookups: int) -> QuerySet[Any]:
    through = getattr(ServiceProvider, relation).through
    return through.objects.filter(serviceprovider=OuterRef("pk"), **lookups)


@dataclass(frozen=True)
class InvestorFilters:
    query: str = ""
    investor_type: str = ""
    sector: str = ""
    stage: str = ""
    market: str = ""


def investor_search(*, user: User, filters: InvestorFilters) -> QuerySet[Investor]:
    queryset = investors_visible_to(user)
    if filters.query:
        queryset = queryset.filter(search_text__contains=normalise(filters.query))
    if filters.investor_type:
        queryset = queryset.filter(investor_type=filters.investor_type)
    if filters.sector:
        sectors = Investor.sectors.through.objects.filter(
            investor=OuterRef("pk"), sector_id=knowledge.sector_id(filters.sector)
        )
        queryset = queryset.filter(Exists(sectors))
    if filters.stage:
        queryset = queryset.filter(_json_list_has("stages", filters.stage))
    if filters.market:
        markets = Investor.markets.through.objects.filter(
            investor=OuterRef("pk"), country_id=knowledge.country_id(filters.market)
        )
        queryset = queryset.filter(Exists(markets))
    return queryset.prefetch_related("sectors", "markets")
