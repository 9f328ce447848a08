"""Profiles from the database as the matching engine sees them."""

from __future__ import annotations

from collections.abc import Iterable

from goglobal.engines import matching as engine
from goglobal.enterprises.models import Enterprise
from goglobal.knowledge.models import MarketGroupMembership
from goglobal.providers.models import Presence, ServiceProvider


def to_provider(
    provider: ServiceProvider,
    *,
    open_referrals: int = 0,
    read_needs: tuple[tuple[str, str], ...] = (),
) -> engine.Provider:
    markets = list(provider.markets.all())
    return engine.Provider(
        id=str(provider.pk),
        category=provider.category,
        needs=frozenset(need.code for need in provider.needs.all()),
        sectors=frozenset(sector.code for sector in provider.sectors.all()),
        office_markets=frozenset(m.country.code for m in markets if m.presence == Presence.OFFICE),
        network_markets=frozenset(
            m.country.code for m in markets if m.presence == Presence.NETWORK
        ),
        languages=frozenset(provider.languages),
        capacity=provider.capacity_per_month,
        open_referrals=open_referrals,
        names=tuple(
            n for n in (provider.name_en, provider.name_zh_hant, provider.name_zh_hans) if n
        ),
        description=provider.description,
        read_needs=read_needs,
    )


def _target_markets(enterprise: Enterprise) -> tuple[str, ...]:
    """Stated target countries, then the current members of the stated groupings."""
    countries = [country.code for country in enterprise.target_countries.all()]
    groups = [group.pk for group in enterprise.target_groups.all()]
    members = (
        MarketGroupMembership.objects.filter(group_id__in=groups, left_on__isnull=True)
        .order_by("country__code")
        .values_list("country__code", flat=True)
    )
    return tuple(dict.fromkeys([*countries, *members]))


def to_enterprise(enterprise: Enterprise, contact_languages: Iterable[str]) -> engine.Enterprise:
    return engine.Enterprise(
        id=str(enterprise.pk),
        sector=enterprise.sector.code,
        names=tuple(n for n in (enterprise.name_zh, enterprise.name_en) if n),
        description=enterprise.description,
        province=enterprise.province.code,
        city=enterprise.city.code,
        target_markets=_target_markets(enterprise),
        needs=tuple(row.need.code for row in enterprise.needs.all()),
        languages=frozenset(contact_languages) or frozenset({"zh"}),
    )
