"""Reference data endpoints: codes and their names in the three languages."""

from ninja import Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector

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
