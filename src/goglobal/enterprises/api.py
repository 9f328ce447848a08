"""Enterprise endpoints: the same services and selectors as the pages."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from goglobal.accounts import rules
from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.pagination import BoundedPageNumberPagination
from goglobal.enterprises import identity, selectors, services
from goglobal.enterprises.models import Enterprise, EnterpriseNeed
from goglobal.knowledge import selectors as knowledge

router = Router()


class NeedOut(Schema):
    code: str = Field(..., alias="need.code")
    priority: str
    timeline: str
    notes: str


class EnterpriseOut(Schema):
    id: int
    version: int
    external_id: str | None
    name_zh: str
    name_en: str
    social_credit_code: str
    province: str = Field(..., alias="province.code")
    city: str = Field(..., alias="city.code")
    sector: str = Field(..., alias="sector.code")
    employee_band: str
    revenue_band: str
    ownership: str
    listing_status: str
    hs_codes: list[str]
    description: str
    description_language: str
    website: str
    target_markets: list[str]
    needs: list[NeedOut]
    updated_at: datetime

    @staticmethod
    def resolve_target_markets(obj: Enterprise) -> list[str]:
        countries = [country.code for country in obj.target_countries.all()]
        return countries + [group.code for group in obj.target_groups.all()]

    @staticmethod
    def resolve_needs(obj: Enterprise) -> list[EnterpriseNeed]:
        return list(obj.needs.all())


class DuplicateOut(Schema):
    """A stored enterprise the identity engine thinks may be this one."""

    id: int
    name_zh: str
    name_en: str
    score: float
    same: bool
    codes_differ: bool
    reasons: list[str]


class EnterpriseCreatedOut(EnterpriseOut):
    possible_duplicates: list[DuplicateOut] = []


def _duplicates_out(hits: list[identity.Duplicate]) -> list[dict[str, object]]:
    return [
        {
            "id": hit.enterprise.pk,
            "name_zh": hit.enterprise.name_zh,
            "name_en": hit.enterprise.name_en,
            "score": hit.score,
            "same": hit.same,
            "codes_differ": hit.codes_differ,
            "reasons": hit.reasons(),
        }
        for hit in hits
    ]


class EnterpriseIn(Schema):
    external_id: str | None = None
    name_zh: str
    name_en: str = ""
    social_credit_code: str
    province: str
    city: str
    sector: str
    employee_band: str
    revenue_band: str
    ownership: str
    listing_status: str = "unlisted"
    hs_codes: list[str] = []
    description: str = ""
    website: str = ""
    target_markets: list[str] = []


class EnterpriseUpdateIn(EnterpriseIn):
    version: int


class NeedIn(Schema):
    code: str
    priority: str = "medium"
    timeline: str = "3_6m"
    notes: str = ""


class ContactOut(Schema):
    id: int
    full_name: str
    title: str
    email: str
    phone: str
    languages: list[str]
    has_consent: bool
    consent_recorded_at: datetime | None


class EnterpriseQuery(Schema):
    q: str = ""
    province: str = ""
    city: str = ""
    sector: str = ""
    need: str = ""
    market: str = ""
    ownership: str = ""


def _to_input(payload: EnterpriseIn) -> services.EnterpriseInput:
    values = payload.dict(exclude={"target_markets", "version", "province", "city", "sector"})
    errors: dict[str, list[str]] = {}
    resolvers = {
        "province": lambda: knowledge.area_by_code(payload.province, field="province"),
        "city": lambda: knowledge.area_by_code(payload.city, field="city"),
        "sector": lambda: knowledge.sector_division_by_code(payload.sector),
    }
    for name, resolve in resolvers.items():
        try:
            values[name] = resolve()
        except ValidationError as error:
            errors.update(error.message_dict)
    try:
        countries, groups = knowledge.markets_by_codes(payload.target_markets)
    except ValidationError as error:
        errors.update(error.message_dict)
        countries, groups = [], []
    if errors:
        raise ValidationError(errors)
    return services.EnterpriseInput(values=values, target_countries=countries, target_groups=groups)


@router.get("/", response=list[EnterpriseOut])
@paginate(BoundedPageNumberPagination, page_size=25)
def enterprise_list(request: AuthenticatedRequest, filters: Query[EnterpriseQuery]) -> object:
    return (
        selectors.enterprise_list_for(
            user=request.user,
            filters=selectors.EnterpriseFilters(
                query=filters.q,
                province=filters.province,
                city=filters.city,
                sector=filters.sector,
                need=filters.need,
                market=filters.market,
                ownership=filters.ownership,
            ),
        )
        .prefetch_related("target_countries", "target_groups")
        .select_related("province")
    )


@router.get("/{enterprise_id}", response=EnterpriseOut)
def enterprise_detail(request: AuthenticatedRequest, enterprise_id: int) -> Enterprise:
    return selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)


@router.post("/", response={201: EnterpriseCreatedOut})
def enterprise_create(
    request: AuthenticatedRequest, payload: EnterpriseIn
) -> tuple[int, Enterprise]:
    """Create an enterprise. ``possible_duplicates`` lists stored enterprises whose names say
    they may be the same one (kept for the officers' review of duplicates)."""
    if not rules.can(request.user, "enterprise.create"):
        raise PermissionDenied  # no record is named, so a JSON 403 rather than a 404
    enterprise = services.enterprise_create(actor=request.user, data=_to_input(payload))
    created = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise.pk)
    created.possible_duplicates = _duplicates_out(  # type: ignore[attr-defined]
        identity.duplicates_of_enterprise(created)
    )
    return 201, created


@router.get("/{enterprise_id}/duplicates", response=list[DuplicateOut])
def enterprise_duplicates(request: AuthenticatedRequest, enterprise_id: int) -> object:
    """Stored enterprises that may be this one, best first (task force only)."""
    enterprise = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)
    if not rules.can(request.user, "enterprise.edit_any"):
        raise Http404
    return _duplicates_out(identity.duplicates_of_enterprise(enterprise))


@router.put("/{enterprise_id}", response=EnterpriseOut)
def enterprise_update(
    request: AuthenticatedRequest, enterprise_id: int, payload: EnterpriseUpdateIn
) -> Enterprise:
    enterprise = selectors.enterprise_get_for_edit(user=request.user, enterprise_id=enterprise_id)
    services.enterprise_update(
        actor=request.user,
        enterprise=enterprise,
        seen_version=payload.version,
        data=_to_input(payload),
    )
    return selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)


@router.put("/{enterprise_id}/needs", response=list[NeedOut])
def enterprise_need_save(
    request: AuthenticatedRequest, enterprise_id: int, payload: NeedIn
) -> list[EnterpriseNeed]:
    enterprise = selectors.enterprise_get_for_edit(user=request.user, enterprise_id=enterprise_id)
    (need,) = knowledge.needs_by_codes([payload.code], field="code")
    services.enterprise_need_save(
        actor=request.user,
        enterprise=enterprise,
        need=services.NeedInput(
            need=need, priority=payload.priority, timeline=payload.timeline, notes=payload.notes
        ),
    )
    return list(enterprise.needs.select_related("need"))


@router.get("/{enterprise_id}/contacts", response=list[ContactOut])
def contact_list(request: AuthenticatedRequest, enterprise_id: int) -> object:
    enterprise = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)
    if not selectors.enterprise_can_see_contacts(user=request.user, enterprise=enterprise):
        raise Http404
    return list(selectors.contact_list_for(user=request.user, enterprise=enterprise))


@router.delete("/{enterprise_id}", response={204: None})
def enterprise_delete(request: AuthenticatedRequest, enterprise_id: int) -> tuple[int, None]:
    """Soft delete, for the task force only; the record stays for the audit trail."""
    enterprise = selectors.enterprise_get_for(user=request.user, enterprise_id=enterprise_id)
    if not rules.can(request.user, "enterprise.edit_any"):
        raise Http404
    services.enterprise_delete(actor=request.user, enterprise=enterprise)
    return 204, None
