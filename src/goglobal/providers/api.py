"""Directory endpoints: providers and investors, with the same checks as the pages."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from goglobal.accounts import rules
from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.pagination import BoundedPageNumberPagination
from goglobal.knowledge import selectors as knowledge
from goglobal.providers import selectors, services
from goglobal.providers.models import Investor, ProviderMarket, ServiceProvider

router = Router()


class ProviderMarketOut(Schema):
    country: str = Field(..., alias="country.code")
    presence: str
    city: str


class ProviderOut(Schema):
    id: int
    version: int
    external_id: str | None
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    category: str
    needs: list[str]
    sectors: list[str]
    markets: list[ProviderMarketOut]
    languages: list[str]
    licences: list[str]
    capacity_per_month: int
    description: str
    description_language: str
    website: str

    @staticmethod
    def resolve_needs(obj: ServiceProvider) -> list[str]:
        return [need.code for need in obj.needs.all()]

    @staticmethod
    def resolve_sectors(obj: ServiceProvider) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]

    @staticmethod
    def resolve_markets(obj: ServiceProvider) -> list[ProviderMarket]:
        return list(obj.markets.all())


class MarketIn(Schema):
    country: str
    presence: str = "office"
    city: str = ""


class ProviderIn(Schema):
    version: int
    name_en: str = ""
    name_zh_hans: str = ""
    name_zh_hant: str = ""
    category: str
    needs: list[str] = []
    sectors: list[str] = []
    markets: list[MarketIn] = []
    languages: list[str] = []
    licences: list[str] = []
    capacity_per_month: int = 5
    description: str = ""
    website: str = ""


class InvestorOut(Schema):
    id: int
    version: int
    external_id: str | None
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    investor_type: str
    sectors: list[str]
    stages: list[str]
    ticket_min: Decimal | None
    ticket_max: Decimal | None
    currency: str
    markets: list[str]
    description: str
    website: str

    @staticmethod
    def resolve_sectors(obj: Investor) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]

    @staticmethod
    def resolve_markets(obj: Investor) -> list[str]:
        return [country.code for country in obj.markets.all()]


class ProviderQuery(Schema):
    q: str = ""
    category: str = ""
    need: str = ""
    sector: str = ""
    market: str = ""
    language: str = ""


class InvestorQuery(Schema):
    q: str = ""
    investor_type: str = ""
    sector: str = ""
    stage: str = ""
    market: str = ""


@router.get("/providers", response=list[ProviderOut])
@paginate(BoundedPageNumberPagination, page_size=25)
def provider_list(request: AuthenticatedRequest, filters: Query[ProviderQuery]) -> object:
    return selectors.provider_search(
        user=request.user,
        filters=selectors.ProviderFilters(
            query=filters.q,
            category=filters.category,
            need=filters.need,
            sector=filters.sector,
            market=filters.market,
            language=filters.language,
        ),
    )


@router.get("/providers/{provider_id}", response=ProviderOut)
def provider_detail(request: AuthenticatedRequest, provider_id: int) -> ServiceProvider:
    return selectors.provider_get_for(user=request.user, provider_id=provider_id)


@router.put("/providers/{provider_id}", response=ProviderOut)
def provider_update(
    request: AuthenticatedRequest, provider_id: int, payload: ProviderIn
) -> ServiceProvider:
    provider = selectors.provider_get_for_edit(user=request.user, provider_id=provider_id)
    values = payload.dict(exclude={"version", "needs", "sectors", "markets"})
    values["external_id"] = provider.external_id
    errors: dict[str, list[str]] = {}
    try:
        needs = knowledge.needs_by_codes(payload.needs)
        sectors = knowledge.sectors_by_codes(payload.sectors)
        countries = {
            c.code: c for c in knowledge.countries_by_codes(m.country for m in payload.markets)
        }
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    markets = [
        services.MarketInput(country=countries[m.country.upper()], presence=m.presence, city=m.city)
        for m in payload.markets
    ]
    services.provider_update(
        actor=request.user,
        provider=provider,
        seen_version=payload.version,
        data=services.ProviderInput(values=values, needs=needs, sectors=sectors, markets=markets),
    )
    return selectors.provider_get_for(user=request.user, provider_id=provider_id)


@router.get("/investors", response=list[InvestorOut])
@paginate(BoundedPageNumberPagination, page_size=25)
def investor_list(request: AuthenticatedRequest, filters: Query[InvestorQuery]) -> object:
    return selectors.investor_search(
        user=request.user,
        filters=selectors.InvestorFilters(
            query=filters.q,
            investor_type=filters.investor_type,
            sector=filters.sector,
            stage=filters.stage,
            market=filters.market,
        ),
    )


@router.get("/investors/{investor_id}", response=InvestorOut)
def investor_detail(request: AuthenticatedRequest, investor_id: int) -> Investor:
    if not rules.can(request.user, "directory.view"):
        raise Http404
    return selectors.investor_get_for(user=request.user, investor_id=investor_id)
