"""Case endpoints: the same services and selectors as the pages (mount at /api/cases)."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import User
from goglobal.cases import selectors, services
from goglobal.cases.models import Case, Interaction
from goglobal.core.pagination import IdsFirstPagination
from goglobal.enterprises.models import Contact

router = Router()


class CaseOut(Schema):
    id: int
    version: int
    enterprise_id: int
    enterprise: str
    stage: str
    owner_id: int | None
    priority: str
    origin: str
    next_action: str
    next_action_on: datetime.date | None
    tags: list[str]
    closed_reason: str
    updated_at: datetime.datetime
    overdue: bool = Field(description="The next action or an open task is past its date.")
    waiting_for_provider: bool = Field(
        description="A referral sent to a provider has had no answer within the reply limit."
    )

    @staticmethod
    def resolve_enterprise(obj: Case) -> str:
        return obj.enterprise.name_zh

    @staticmethod
    def resolve_overdue(obj: Case) -> bool:
        return selectors.case_attention(obj)[0]

    @staticmethod
    def resolve_waiting_for_provider(obj: Case) -> bool:
        return selectors.case_attention(obj)[1]


class CaseQuery(Schema):
    city: str = ""
    sector: str = ""
    need: str = ""
    market: str = ""
    owner: str = ""
    stage: str = ""
    overdue: bool = False
    sort: str = ""


class MoveIn(Schema):
    target: str
    version: int
    reason: str = ""


class CaseUpdateIn(Schema):
    version: int
    owner_id: int | None = None
    priority: str
    origin: str
    next_action: str = ""
    next_action_on: datetime.date | None = None
    tags: list[str] = []


class InteractionOut(Schema):
    id: int
    kind: str
    occurred_on: datetime.date
    summary: str


class InteractionIn(Schema):
    kind: str
    occurred_on: datetime.date
    summary: str
    contact_ids: list[int] = []
    follow_up: str = ""
    follow_up_on: datetime.date | None = None


class ReferralOut(Schema):
    id: int
    version: int
    status: str
    need: str
    sector: str
    size_band: str
    markets: list[str]
    description: str
    enterprise: str
    other_needs: list[str]
    contacts: list[dict[str, str]]


class AnswerIn(Schema):
    version: int
    note: str = ""


@router.get("/", response=list[CaseOut])
@paginate(IdsFirstPagination, page_size=25)
def case_list(request: AuthenticatedRequest, filters: Query[CaseQuery]) -> object:
    return selectors.case_list_for(
        user=request.user, filters=selectors.CaseFilters(**filters.dict())
    )


@router.get("/referrals", response=list[ReferralOut])
def provider_referral_list(request: AuthenticatedRequest) -> list[ReferralOut]:
    referrals = selectors.provider_referral_list_for(user=request.user)[:100]
    return [_referral_out(selectors.provider_referral_view(r)) for r in referrals]


@router.get("/referrals/{referral_id}", response=ReferralOut)
def provider_referral_detail(request: AuthenticatedRequest, referral_id: int) -> ReferralOut:
    view = selectors.provider_referral_get_for(user=request.user, referral_id=referral_id)
    return _referral_out(view)


@router.post("/referrals/{referral_id}/{action}", response=ReferralOut)
def provider_referral_answer(
    request: AuthenticatedRequest, referral_id: int, action: str, payload: AnswerIn
) -> ReferralOut:
    view = selectors.provider_referral_get_for(user=request.user, referral_id=referral_id)
    common = {"referral": view.referral, "actor": request.user, "seen_version": payload.version}
    if action == "accept":
        services.referral_accept(**common)  # type: ignore[arg-type]
    elif action == "decline":
        services.referral_decline(**common, reason=payload.note)  # type: ignore[arg-type]
    elif action == "progress":
        services.referral_progress(**common, note=payload.note)  # type: ignore[arg-type]
    elif action == "complete":
        services.referral_complete(**common, outcome=payload.note)  # type: ignore[arg-type]
    else:
        raise Http404
    return _referral_out(
        selectors.provider_referral_get_for(user=request.user, referral_id=referral_id)
    )


def _referral_out(view: selectors.ProviderReferralView) -> ReferralOut:
    return ReferralOut(
        id=view.referral.pk,
        version=view.referral.version,
        status=view.referral.status,
        need=view.need.code,
        sector=view.sector.code,
        size_band=view.referral.case.enterprise.employee_band,
        markets=view.markets,
        description=view.description,
        enterprise=view.name,
        other_needs=[need.code for need in view.other_needs],
        contacts=[
            {"full_name": c.full_name, "email": c.email, "phone": c.phone} for c in view.contacts
        ],
    )


@router.get("/{case_id}", response=CaseOut)
def case_detail(request: AuthenticatedRequest, case_id: int) -> Case:
    return selectors.case_get_for(user=request.user, case_id=case_id)


@router.post("/{case_id}/move", response=CaseOut)
def case_move(request: AuthenticatedRequest, case_id: int, payload: MoveIn) -> Case:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    return services.case_move(
        case=case,
        target=payload.target,
        actor=request.user,
        seen_version=payload.version,
        reason=payload.reason,
    )


@router.put("/{case_id}", response=CaseOut)
def case_update(request: AuthenticatedRequest, case_id: int, payload: CaseUpdateIn) -> Case:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    owner = (
        get_object_or_404(User, pk=payload.owner_id, is_active=True) if payload.owner_id else None
    )
    values = payload.dict(exclude={"version", "owner_id"})
    services.case_update(
        case=case,
        actor=request.user,
        seen_version=payload.version,
        changes=services.CaseChanges(values={**values, "owner": owner}),
    )
    return selectors.case_get_for(user=request.user, case_id=case_id)


@router.get("/{case_id}/interactions", response=list[InteractionOut])
def interaction_list(request: AuthenticatedRequest, case_id: int) -> list[Interaction]:
    case = selectors.case_get_for(user=request.user, case_id=case_id)
    return list(selectors.interactions_for(user=request.user, case=case)[:100])


@router.post("/{case_id}/interactions", response={201: InteractionOut})
def interaction_log(
    request: AuthenticatedRequest, case_id: int, payload: InteractionIn
) -> tuple[int, Interaction]:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    contacts = list(Contact.objects.filter(enterprise=case.enterprise, pk__in=payload.contact_ids))
    follow_up = (
        services.FollowUp(title=payload.follow_up, due_on=payload.follow_up_on)
        if payload.follow_up and payload.follow_up_on
        else None
    )
    interaction = services.interaction_log(
        case=case,
        actor=request.user,
        kind=payload.kind,
        occurred_on=payload.occurred_on,
        summary=payload.summary,
        contacts=contacts,
        follow_up=follow_up,
    )
    return 201, interaction
