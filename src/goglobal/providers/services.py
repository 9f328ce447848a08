"""Every write to the directory: providers, their markets, investors; each one audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import StaleRecordError
from goglobal.engines.text import detect_language, search_key
from goglobal.knowledge.models import Country, NeedCode, Sector
from goglobal.providers.models import (
    Investor,
    NamedOrganisation,
    PartnerBody,
    ProviderMarket,
    ProviderMembership,
    ServiceProvider,
)
from goglobal.providers.signals import announce_changed

_NAMED_FIELDS = [
    "external_id",
    "name_en",
    "name_zh_hans",
    "name_zh_hant",
    "description",
    "description_language",
    "website",
]
PROVIDER_FIELDS = [
    *_NAMED_FIELDS,
    "category",
    "languages",
    "licences",
    "capacity_per_month",
    "email",
    "shown_to_enterprises",
]
PARTNER_FIELDS = [*_NAMED_FIELDS, "kind", "country", "city"]
INVESTOR_FIELDS = [
    *_NAMED_FIELDS,
    "investor_type",
    "stages",
    "ticket_min",
    "ticket_max",
    "currency",
]


@dataclass(frozen=True)
class MarketInput:
    country: Country
    presence: str = "office"
    city: str = ""


@dataclass
class ProviderInput:
    values: dict[str, Any]
    needs: Iterable[NeedCode] = field(default_factory=list)
    sectors: Iterable[Sector] = field(default_factory=list)
    markets: Iterable[MarketInput] = field(default_factory=list)


@dataclass
class InvestorInput:
    values: dict[str, Any]
    sectors: Iterable[Sector] = field(default_factory=list)
    markets: Iterable[Country] = field(default_factory=list)


def organisation_search_text(organisation: NamedOrganisation) -> str:
    return search_key(
        [
            organisation.name_en,
            organisation.name_zh_hans,
            organisation.name_zh_hant,
            organisation.external_id,
        ]
    )


def _apply(record: NamedOrganisation, values: dict[str, Any], allowed: list[str]) -> None:
    for name, value in values.items():
        if name not in allowed:
            raise TypeError(f"{name} is not an editable field of {type(record).__name__}")
        setattr(record, name, value)
    if record.external_id == "":
        record.external_id = None
    if "description" in values and "description_language" not in values:
        record.description_language = detect_language(record.description)
    record.search_text = organisation_search_text(record)


def _require_a_name(record: NamedOrganisation) -> None:
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext

    if not (record.name_en or record.name_zh_hans or record.name_zh_hant):
        raise ValidationError({"name_en": gettext("Give a name in at least one language.")})


def _provider_state(provider: ServiceProvider) -> dict[str, Any]:
    state = snapshot(provider, PROVIDER_FIELDS)
    state["needs"] = sorted(n.code for n in provider.needs.all())
    state["sectors"] = sorted(s.code for s in provider.sectors.all())
    state["markets"] = sorted(f"{m.country.code}:{m.presence}" for m in provider.markets.all())
    return state


def _provider_relations(provider: ServiceProvider, data: ProviderInput) -> None:
    provider.needs.set(list(data.needs))
    provider.sectors.set(list(data.sectors))
    provider.markets.all().delete()
    ProviderMarket.objects.bulk_create(
        ProviderMarket(provider=provider, country=m.country, presence=m.presence, city=m.city)
        for m in {m.country.pk: m for m in data.markets}.values()
    )


@transaction.atomic
def provider_create(*, actor: User | None, data: ProviderInput) -> ServiceProvider:
    provider = ServiceProvider()
    _apply(provider, data.values, PROVIDER_FIELDS)
    _require_a_name(provider)
    provider.full_clean()
    provider.save()
    _provider_relations(provider, data)
    audit_record(actor=actor, record=provider, action="created", changes=_provider_state(provider))
    announce_changed([provider.pk])
    return provider


@transaction.atomic
def provider_update(
    *, actor: User, provider: ServiceProvider, seen_version: int, data: ProviderInput
) -> ServiceProvider:
    # A bound form may already have copied the new values onto ``provider``: compare with the row.
    before = _provider_state(ServiceProvider.objects.get(pk=provider.pk))
    _apply(provider, data.values, PROVIDER_FIELDS)
    _require_a_name(provider)
    provider.full_clean()
    updated = ServiceProvider.objects.filter(
        pk=provider.pk, version=seen_version, deleted_at__isnull=True
    ).update(
        **{name: getattr(provider, name) for name in PROVIDER_FIELDS},
        search_text=provider.search_text,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleRecordError(provider)
    _provider_relations(provider, data)
    provider.refresh_from_db()
    changes = diff(before, _provider_state(provider))
    if changes:
        audit_record(actor=actor, record=provider, action="updated", changes=changes)
        announce_changed([provider.pk])
    return provider


def _investor_state(investor: Investor) -> dict[str, Any]:
    state = snapshot(investor, INVESTOR_FIELDS)
    state["sectors"] = sorted(s.code for s in investor.sectors.all())
    state["markets"] = sorted(c.code for c in investor.markets.all())
    return state


@transaction.atomic
def investor_create(*, actor: User | None, data: InvestorInput) -> Investor:
    investor = Investor()
    _apply(investor, data.values, INVESTOR_FIELDS)
    _require_a_name(investor)
    investor.full_clean()
    investor.save()
    investor.sectors.set(list(data.sectors))
    investor.markets.set(list(data.markets))
    audit_record(actor=actor, record=investor, action="created", changes=_investor_state(investor))
    return investor


@transaction.atomic
def investor_update(
    *, actor: User, investor: Investor, seen_version: int, data: InvestorInput
) -> Investor:
    before = _investor_state(Investor.objects.get(pk=investor.pk))
    _apply(investor, data.values, INVESTOR_FIELDS)
    _require_a_name(investor)
    investor.full_clean()
    updated = Investor.objects.filter(
        pk=investor.pk, version=seen_version, deleted_at__isnull=True
    ).update(
        **{name: getattr(investor, name) for name in INVESTOR_FIELDS},
        search_text=investor.search_text,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleRecordError(investor)
    investor.sectors.set(list(data.sectors))
    investor.markets.set(list(data.markets))
    investor.refresh_from_db()
    changes = diff(before, _investor_state(investor))
    if changes:
        audit_record(actor=actor, record=investor, action="updated", changes=changes)
    return investor


@transaction.atomic
def provider_member_add(
    *, actor: User, provider: ServiceProvider, user: User
) -> ProviderMembership:
    membership, _created = ProviderMembership.objects.update_or_create(
        user=user, defaults={"provider": provider}
    )
    audit_record(
        actor=actor, record=provider, action="updated", changes={"member": [None, user.email]}
    )
    return membership


@transaction.atomic
def partner_body_create(*, actor: User | None, values: dict[str, Any]) -> PartnerBody:
    """A government agency, chamber or association the knowledge and events work refers to."""
    body = PartnerBody()
    _apply(body, values, PARTNER_FIELDS)
    _require_a_name(body)
    body.full_clean()
    body.save()
    audit_record(actor=actor, record=body, action="created", changes=snapshot(body, PARTNER_FIELDS))
    return body
