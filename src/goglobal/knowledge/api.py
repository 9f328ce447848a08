"""Reference data endpoints: codes and their names in the three languages."""

from datetime import date
from typing import Annotated, Any

from django.http import Http404
from ninja import Field, Query, Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.knowledge import programmes, selectors
from goglobal.knowledge.models import (
    AdministrativeArea,
    Agreement,
    Country,
    FunctionPoint,
    FunctionStep,
    GroupAccession,
    HongKongFunction,
    Indicator,
    MarketGroup,
    Mechanism,
    MechanismInitiative,
    MechanismMeeting,
    NeedCode,
    Office,
    Scheme,
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


class AccessionSourceOut(Schema):
    key: str
    title: str
    url: str
    publisher: str


class AccessionOut(Schema):
    """A market's application to join a grouping, with its status as of the latest source."""

    group: str
    applicant: str
    status: str
    status_label: str
    applied_on: date | None
    status_on: date | None
    note: str
    source: AccessionSourceOut
    checked_on: date

    @staticmethod
    def resolve_group(obj: GroupAccession) -> str:
        return obj.group.code

    @staticmethod
    def resolve_applicant(obj: GroupAccession) -> str:
        return obj.applicant.code

    @staticmethod
    def resolve_status_label(obj: GroupAccession) -> str:
        return str(obj.get_status_display())


class GroupOut(ReferenceOut):
    members: list[str]
    accessions: list[AccessionOut]

    @staticmethod
    def resolve_members(obj: MarketGroup) -> list[str]:
        return sorted(membership.country.code for membership in obj.memberships.all())

    @staticmethod
    def resolve_accessions(obj: MarketGroup) -> list[GroupAccession]:
        return list(obj.accessions.all())


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
    return list(
        MarketGroup.objects.prefetch_related(
            "memberships__country",
            "accessions__group",
            "accessions__applicant",
            "accessions__source",
        )
    )


@router.get("/needs", response=list[ReferenceOut])
def need_list(request: AuthenticatedRequest) -> list[NeedCode]:
    return list(NeedCode.objects.filter(is_active=True))


# --- markets, agreements, indicators, staleness ------------------------------------------------


class SourceOut(Schema):
    key: str
    title: str
    url: str
    publisher: str
    kind: str


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
    accessions: list[AccessionOut] = []


class IndicatorOut(ReferenceOut):
    unit: str
    source: SourceOut
    checked_on: date


class SeriesOut(Schema):
    indicator: str
    # Each point is [year, value]. Published as a two-item array of numbers rather than a tuple:
    # a tuple's `prefixItems` is not understood by every OpenAPI tool (schemathesis 4 among them).
    points: list[Annotated[list[int | float], Field(min_length=2, max_length=2)]]


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
    used_by: list[str]
    resting: int
    secondary_only: bool


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
                "accessions": list(m.group.accessions.all()),
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
    request: AuthenticatedRequest,
    months: int | None = Query(None, ge=0, le=selectors.MAX_STALE_MONTHS),
    kind: str = "",
    sort: str = "use",
) -> list[dict[str, Any]]:
    """Facts not checked for ``months`` months; ``sort=use`` (default) puts those that more
    features read and more rows rest on first, ``sort=age`` the oldest check first."""
    sort = sort if sort in selectors.FACT_SORTS else "use"
    return [
        {
            "kind": fact.kind,
            "id": str(fact.record.pk),
            "label": str(fact.record),
            "checked_on": fact.checked_on,
            "used_by": [feature.code for feature in fact.features],
            "resting": fact.resting,
            "secondary_only": fact.on_secondary_only,
        }
        for fact in selectors.stale_fact_list(
            user=request.user, months=months, kind=kind, sort=sort
        )
    ]


# --- Hong Kong functions, schemes, co-operation mechanisms ------------------------------------


class FunctionOut(ReferenceOut):
    group: str
    sort_order: int
    summary_en: str
    summary_zh_hans: str
    summary_zh_hant: str
    need_codes: list[str]
    provider_categories: list[str]
    eligibility: str
    is_verified: bool
    note: str
    source: SourceOut
    checked_on: date


class StepOut(Schema):
    position: int
    side: str
    title_en: str
    title_zh_hans: str
    title_zh_hant: str
    duration: str
    documents: list[str]
    provider_categories: list[str]
    need_codes: list[str]
    source: SourceOut
    checked_on: date


class PointOut(Schema):
    code: str
    kind: str
    text_en: str
    text_zh_hans: str
    text_zh_hant: str
    is_verified: bool
    source: SourceOut
    checked_on: date


class FunctionDetailOut(FunctionOut):
    steps: list[StepOut]
    points: list[PointOut]

    @staticmethod
    def resolve_steps(obj: HongKongFunction) -> list[FunctionStep]:
        return list(obj.steps.all())

    @staticmethod
    def resolve_points(obj: HongKongFunction) -> list[FunctionPoint]:
        return list(obj.points.all())


class SchemeOut(ReferenceOut):
    kind: str
    applicant: str
    operator: str
    launched_on: date | None
    criteria_en: str
    eligibility: str
    need_codes: list[str]
    is_verified: bool
    note: str
    source: SourceOut
    checked_on: date


class EligibilityReasonOut(Schema):
    code: str
    params: dict[str, Any]
    text: str


class CheckOut(Schema):
    kind: str
    code: str
    eligible: bool
    reasons: list[EligibilityReasonOut]


class MeetingOut(Schema):
    code: str
    kind: str
    number: int | None
    held_on: date | None
    held_in: str
    areas: list[str]
    area_count: int | None
    agreement_count: int | None
    note: str
    source: SourceOut
    checked_on: date


class InitiativeOut(ReferenceOut):
    meeting: str | None
    status: str
    status_on: date | None
    is_verified: bool
    note: str
    source: SourceOut
    checked_on: date

    @staticmethod
    def resolve_meeting(obj: MechanismInitiative) -> str | None:
        return obj.meeting.code if obj.meeting else None


class MechanismOut(ReferenceOut):
    partner_en: str
    established_year: int | None
    is_verified: bool
    note: str
    source: SourceOut
    checked_on: date
    meetings: list[MeetingOut]
    initiatives: list[InitiativeOut]

    @staticmethod
    def resolve_meetings(obj: Mechanism) -> list[MechanismMeeting]:
        return list(obj.meetings.all())

    @staticmethod
    def resolve_initiatives(obj: Mechanism) -> list[MechanismInitiative]:
        return list(obj.initiatives.all())


@router.get("/functions", response=list[FunctionOut])
def function_list(request: AuthenticatedRequest) -> list[HongKongFunction]:
    return list(programmes.function_list())


@router.get("/functions/{code}", response=FunctionDetailOut)
def function_detail(request: AuthenticatedRequest, code: str) -> HongKongFunction:
    return programmes.function_get(code=code)


@router.get("/schemes", response=list[SchemeOut])
def scheme_list(request: AuthenticatedRequest) -> list[Scheme]:
    return list(programmes.scheme_list())


@router.get("/schemes/check/{enterprise_id}", response=list[CheckOut])
def scheme_check_list(request: AuthenticatedRequest, enterprise_id: int) -> list[dict[str, Any]]:
    """Each scheme (and listing route with a rule) checked against one enterprise; staff only."""
    if not getattr(request.user, "is_internal", False):
        raise Http404
    profile = programmes.enterprise_profile_get(enterprise_id=enterprise_id)
    if profile is None:
        raise Http404
    schemes: list[Any] = list(programmes.scheme_list())
    listing = [item for item in programmes.function_list() if item.eligibility]
    return [
        {
            "kind": "scheme" if isinstance(row.item, Scheme) else "function",
            "code": row.item.code,
            "eligible": row.eligible,
            "reasons": [
                {
                    "code": reason.code,
                    "params": dict(reason.params),
                    "text": programmes.reason_text(reason),
                }
                for reason in row.reasons
            ],
        }
        for row in programmes.checks_for(schemes + listing, profile)
    ]


@router.get("/mechanisms", response=list[MechanismOut])
def mechanism_list(request: AuthenticatedRequest) -> list[Mechanism]:
    return list(programmes.mechanism_list())
