"""Reference data endpoints: codes and their names in the three languages."""

from datetime import date
from typing import Any

from ninja import Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.knowledge import selectors
from goglobal.knowledge.models import (
    AdministrativeArea,
    Agreement,
    Country,
    Indicator,
    MarketGroup,
    NeedCode,
    Office,
    Sector,
)

router = Router()


class ReferenceOut(Schema):
    code: str
    name_en: str
    name_zh_hans: str
    name_zh_hant: str


class SectorOut(ReferenceOut):
    level: str
    section: str | None
    isic_codes: list[str]

    @staticmethod
    def resolve_section(obj: Sector) -> str | None:
        return obj.section.code if obj.section else None


class AreaOut(ReferenceOut):
    level: str
    province: str | None

    @staticmethod
    def resolve_province(obj: AdministrativeArea) -> str | None:
        return obj.province.code if obj.province else None


class CountryOut(ReferenceOut):
    alpha3: str
    region: str


class GroupOut(ReferenceOut):
    members: list[str]

    @staticmethod
    def resolve_members(obj: MarketGroup) -> list[str]:
        return sorted(membership.country.code for membership in obj.memberships.all())


@router.get("/sectors", response=list[SectorOut])
def sector_list(request: AuthenticatedRequest) -> list[Sector]:
    return list(Sector.objects.select_related("section"))


@router.get("/areas", response=list[AreaOut])
def area_list(request: AuthenticatedRequest) -> list[AdministrativeArea]:
    return list(AdministrativeArea.objects.select_related("province"))


@router.get("/countries", response=list[CountryOut])
def country_list(request: AuthenticatedRequest) -> list[Country]:
    return list(Country.objects.all())


@router.get("/market-groups", response=list[GroupOut])
def market_group_list(request: AuthenticatedRequest) -> list[MarketGroup]:
    return list(MarketGroup.objects.prefetch_related("memberships__country"))


@router.get("/needs", response=list[ReferenceOut])
def need_list(request: AuthenticatedRequest) -> list[NeedCode]:
    return list(NeedCode.objects.filter(is_active=True))


# --- markets, agreements, indicators, staleness ------------------------------------------------


class SourceOut(Schema):
    key: str
    title: str
    url: str
    publisher: str


class AgreementOut(ReferenceOut):
    kind: str
    status: str
    negotiations_started_on: date | None
    signed_on: date | None
    in_force_on: date | None
    is_verified: bool
    note: str
    markets: list[str]
    source: SourceOut
    checked_on: date

    @staticmethod
    def resolve_markets(obj: Agreement) -> list[str]:
        return sorted(party.country.code for party in obj.coverage.all())


class OfficeOut(ReferenceOut):
    kind: str
    status: str
    market: str
    city_en: str
    opened_on: date | None
    is_verified: bool
    source: SourceOut
    checked_on: date

    @staticmethod
    def resolve_market(obj: Office) -> str:
        return obj.country.code


class MembershipOut(Schema):
    group: str
    joined_on: date | None
    left_on: date | None
    checked_on: date


class IndicatorOut(ReferenceOut):
    unit: str
    source: SourceOut
    checked_on: date


class SeriesOut(Schema):
    indicator: str
    points: list[tuple[int, float]]


class MarketOut(CountryOut):
    groupings: list[MembershipOut]
    agreements: list[AgreementOut]
    offices: list[OfficeOut]
    indicators: list[SeriesOut]
    directory_url: str


class StaleOut(Schema):
    kind: str
    id: str
    label: str
    checked_on: date


class CountsOut(Schema):
    agreements: int
    markets: int


@router.get("/markets", response=list[CountryOut])
def market_list(request: AuthenticatedRequest, q: str = "", region: str = "") -> list[Country]:
    return list(selectors.market_list_search(user=request.user, query=q, region=region))


@router.get("/markets/{code}", response=MarketOut)
def market_detail(request: AuthenticatedRequest, code: str) -> dict[str, Any]:
    profile = selectors.market_profile_get_for(user=request.user, code=code)
    country = profile.country
    return {
        "code": country.code,
        "alpha3": country.alpha3,
        "region": country.region,
        "name_en": country.name_en,
        "name_zh_hans": country.name_zh_hans,
        "name_zh_hant": country.name_zh_hant,
        "groupings": [
            {
                "group": m.group.code,
                "joined_on": m.joined_on,
                "left_on": m.left_on,
                "checked_on": m.checked_on,
            }
            for m in profile.memberships
        ],
        "agreements": profile.agreements,
        "offices": profile.offices,
        "indicators": [
            {"indicator": indicator.code, "points": points}
            for indicator, points in profile.series.items()
        ],
        "directory_url": f"/directory/?market={country.code}",
    }


@router.get("/agreements", response=list[AgreementOut])
def agreement_list(
    request: AuthenticatedRequest, kind: str = "", status: str = ""
) -> list[Agreement]:
    return list(selectors.agreement_list_for(user=request.user, kind=kind, status=status))


@router.get("/agreements/counts", response=dict[str, CountsOut])
def agreement_count_list(request: AuthenticatedRequest) -> dict[str, dict[str, int]]:
    return selectors.agreement_counts()


@router.get("/offices", response=list[OfficeOut])
def office_list(request: AuthenticatedRequest) -> list[Office]:
    return list(Office.objects.select_related("country", "source"))


@router.get("/indicators", response=list[IndicatorOut])
def indicator_list(request: AuthenticatedRequest) -> list[Indicator]:
    return list(Indicator.objects.select_related("source"))


@router.get("/indicators/{code}/{market}", response=SeriesOut)
def indicator_values(request: AuthenticatedRequest, code: str, market: str) -> dict[str, Any]:
    country = selectors.market_get_for(user=request.user, code=market)
    series = selectors.indicator_series(country=country, codes=[code.upper()])
    return {"indicator": code.upper(), "points": next(iter(series.values()), [])}


@router.get("/staleness", response=list[StaleOut])
def staleness(
    request: AuthenticatedRequest, months: int | None = None, kind: str = ""
) -> list[dict[str, Any]]:
    return [
        {
            "kind": fact.kind,
            "id": str(fact.record.pk),
            "label": str(fact.record),
            "checked_on": fact.checked_on,
        }
        for fact in selectors.stale_fact_list(user=request.user, months=months, kind=kind)
    ]
