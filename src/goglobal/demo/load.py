"""Writing the demo set through the services, so search keys and audit rows are right."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import User
from goglobal.demo.catalog import Available
from goglobal.demo.enterprises import EnterpriseSpec, enterprise_specs
from goglobal.demo.investors import InvestorSpec, investor_specs
from goglobal.demo.providers import ProviderSpec, provider_specs
from goglobal.demo.words_partners import PARTNER_BODIES, PartnerBodySpec
from goglobal.enterprises import services as enterprise_services
from goglobal.enterprises.models import Enterprise
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector
from goglobal.providers import services as provider_services
from goglobal.providers.models import Investor, PartnerBody, ServiceProvider


@dataclass(frozen=True)
class DemoSize:
    enterprises: int = 300
    providers: int = 200
    investors: int = 30
    partner_bodies: int = len(PARTNER_BODIES)


@dataclass
class DemoSet:
    enterprises: list[Enterprise]
    providers: list[ServiceProvider]
    investors: list[Investor]
    partner_bodies: list[PartnerBody]


class Reference:
    """Reference rows by code, read once."""

    def __init__(self) -> None:
        self.areas = {area.code: area for area in AdministrativeArea.objects.all()}
        self.sectors = {sector.code: sector for sector in Sector.objects.all()}
        self.countries = {country.code: country for country in Country.objects.all()}
        self.groups = {group.code: group for group in MarketGroup.objects.all()}
        self.needs = {need.code: need for need in NeedCode.objects.all()}


def _enterprise_write(spec: EnterpriseSpec, ref: Reference, actor: User | None) -> Enterprise:
    values = spec.values()
    values.update(
        province=ref.areas[spec.province_code],
        city=ref.areas[spec.city_code],
        sector=ref.sectors[spec.sector_code],
    )
    enterprise = enterprise_services.enterprise_create(
        actor=actor,
        data=enterprise_services.EnterpriseInput(
            values=values,
            target_countries=[ref.countries[code] for code in spec.target_countries],
            target_groups=[ref.groups[code] for code in spec.target_groups],
        ),
    )
    for need in spec.needs:
        enterprise_services.enterprise_need_save(
            actor=actor,
            enterprise=enterprise,
            need=enterprise_services.NeedInput(
                need=ref.needs[need.code],
                priority=need.priority,
                timeline=need.timeline,
                notes=need.notes,
            ),
        )
    for contact in spec.contacts:
        enterprise_services.contact_save(
            actor=actor,
            enterprise=enterprise,
            values={
                "full_name": contact.full_name,
                "title": contact.title,
                "email": contact.email,
                "phone": contact.phone,
                "languages": list(contact.languages),
                "has_consent": contact.has_consent,
            },
        )
    return enterprise


def _provider_write(spec: ProviderSpec, ref: Reference, actor: User | None) -> ServiceProvider:
    return provider_services.provider_create(
        actor=actor,
        data=provider_services.ProviderInput(
            values=spec.values(),
            needs=[ref.needs[code] for code in spec.needs],
            sectors=[ref.sectors[code] for code in spec.sectors],
            markets=[
                provider_services.MarketInput(
                    country=ref.countries[market.country],
                    presence=market.presence,
                    city=market.city,
                )
                for market in spec.markets
            ],
        ),
    )


def _investor_write(spec: InvestorSpec, ref: Reference, actor: User | None) -> Investor:
    return provider_services.investor_create(
        actor=actor,
        data=provider_services.InvestorInput(
            values=spec.values(),
            sectors=[ref.sectors[code] for code in spec.sectors],
            markets=[ref.countries[code] for code in spec.markets],
        ),
    )


def _partner_body_write(spec: PartnerBodySpec, ref: Reference, actor: User | None) -> PartnerBody:
    values = {**spec.values(), "country": ref.countries.get(spec.country)}
    return provider_services.partner_body_create(actor=actor, values=values)


def _registration_history(enterprises: list[Enterprise], seed: int) -> None:
    """Spread the demo registrations over the past year, more of them recently, as a live
    platform would have them; the newest enterprise (the demo member's) stays the first."""
    rng = random.Random(f"{seed}:registered")
    now = timezone.now()
    for position, enterprise in enumerate(enterprises):
        days = 0 if position == 0 else int(365 * rng.random() ** 1.6)
        moment = now - timedelta(days=days, minutes=rng.randrange(24 * 60))
        Enterprise.objects.filter(pk=enterprise.pk).update(created_at=moment, updated_at=moment)


@transaction.atomic
def demo_set_create(*, seed: int, size: DemoSize, actor: User | None = None) -> DemoSet:
    """Write the demo organisations; the reference data must be loaded first."""
    available = Available.from_database()
    ref = Reference()
    demo = DemoSet(
        enterprises=[
            _enterprise_write(spec, ref, actor)
            for spec in enterprise_specs(seed=seed, count=size.enterprises, available=available)
        ],
        providers=[
            _provider_write(spec, ref, actor)
            for spec in provider_specs(seed=seed, count=size.providers, available=available)
        ],
        investors=[
            _investor_write(spec, ref, actor)
            for spec in investor_specs(seed=seed, count=size.investors, available=available)
        ],
        partner_bodies=[
            _partner_body_write(spec, ref, actor) for spec in PARTNER_BODIES[: size.partner_bodies]
        ],
    )
    _registration_history(demo.enterprises, seed)
    return demo
