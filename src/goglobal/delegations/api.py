"""Delegation endpoints (mount at /api/delegations): the same selectors as the pages.

Staff who manage delegations read every delegation; a member account reads the delegations it
belongs to and its own itinerary, and is refused (403) the member list and the programme of
its delegation. Any other delegation or member is "not found" (404).
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.pagination import BoundedPageNumberPagination
from goglobal.delegations import presenters, rules, selectors, services
from goglobal.delegations.forms import MemberForm, RequestForm
from goglobal.delegations.models import Delegation, DelegationRun, Member, Visit, VisitRequest
from goglobal.delegations.services import delegations as parts

router = Router()


class DelegationOut(Schema):
    id: int
    version: int
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    direction: str
    places: str
    timezone: str
    starts_on: datetime.date
    ends_on: datetime.date
    day_starts_at: datetime.time
    day_ends_at: datetime.time
    slot_minutes: int
    mechanism_id: int | None


class DelegationTravelOut(Schema):
    venue_id: int = Field(description="The other venue.")
    minutes: int = Field(description="The listed time of the direct trip, both ways.")
    shortest_minutes: int = Field(description="The shortest route through the listed times.")


class DelegationVenueOut(Schema):
    id: int
    name: str
    address: str
    travel: list[DelegationTravelOut] = Field(
        description="Every other venue that can be reached, with the direct and shortest times."
    )


class DelegationSubGroupOut(Schema):
    id: int
    name: str


class DelegationDetailOut(DelegationOut):
    days: list[datetime.date]
    venues: list[DelegationVenueOut]
    subgroups: list[DelegationSubGroupOut]
    has_published_programme: bool


class DelegationMemberOut(Schema):
    id: int
    full_name: str
    organisation_name: str
    kind: str
    subgroup_id: int | None
    enterprise_id: int | None
    provider_id: int | None
    language: str


class DelegationItemOut(Schema):
    id: int
    kind: str = Field(description="plenary or site_visit")
    title: str
    venue_id: int
    subgroup_id: int | None = Field(description="None: the whole delegation.")
    start: datetime.datetime
    end: datetime.datetime


class DelegationVisitOut(Schema):
    id: int
    host_id: int
    host: str
    venue_id: int
    subgroup_id: int | None
    members: list[int]
    start: datetime.datetime
    end: datetime.datetime
    held: bool
    outcome: str


class DelegationRunOut(Schema):
    id: int
    status: str
    value: int | None
    upper_bound: int | None
    seconds: float | None
    is_published: bool
    created_at: datetime.datetime


class DelegationRunIn(Schema):
    keep_published: bool = Field(
        False,
        description="Re-plan the published programme: keep every published meeting that still "
        "holds where it is and place only the others anew.",
    )


class DelegationRunDetailOut(DelegationRunOut):
    previous_id: int | None = Field(description="The published run this run re-plans.")
    meetings: int = Field(description="Meetings placed (0 until the run is done).")
    unscheduled: int = Field(description="Meetings asked for and not placed.")
    changes: dict[str, int] = Field(
        description="Against the re-planned run: kept, moved, added (placed anew), dropped."
    )
    summary: list[str] = Field(
        description="The run's result as sentences in the request's language, as on its page."
    )


class DelegationReplanOut(Schema):
    meeting_id: int
    reason: str = Field(
        description="travel: members cannot get between it and another commitment in time; "
        "hours: it is no longer on a meeting slot of the delegation's days and hours."
    )
    member_ids: list[int]
    other: str = Field(description="The meeting, plenary or site visit it clashes with.")
    other_venue: str
    minutes: int | None = Field(description="The shortest route now; None: no route.")
    text: str = Field(description="The same, in words in the caller's language.")


class DelegationProgrammeOut(Schema):
    run: DelegationRunOut
    items: list[DelegationItemOut]
    meetings: list[DelegationVisitOut]
    needs_replanning: bool = Field(
        description="The delegation changed since publication and some meetings no longer hold."
    )
    replanning: list[DelegationReplanOut]


class DelegationItineraryEntryOut(Schema):
    start: datetime.datetime
    end: datetime.datetime
    kind: str = Field(description="plenary, site_visit or meeting")
    title: str
    venue: str
    address: str
    with_whom: list[str]
    meeting_id: int | None
    travel_minutes: int | None = Field(
        description="From the previous entry's venue on the same day; None for the first."
    )


class DelegationItineraryOut(Schema):
    member: DelegationMemberOut
    published: bool
    entries: list[DelegationItineraryEntryOut]


class DelegationMemberIn(Schema):
    full_name: str
    organisation_name: str = ""
    kind: str = Field(description="official, officer, enterprise or provider")
    subgroup_id: int | None = None
    language: str = "en"
    enterprise_id: int | None = None
    provider_id: int | None = None
    user_id: int | None = Field(None, description="The account that may read the itinerary.")


class DelegationRequestIn(Schema):
    host_id: int = Field(description="The visited enterprise or body.")
    member_id: int | None = Field(None, description="A one-to-one meeting with this member ...")
    subgroup_id: int | None = Field(None, description="... or a group meeting with a sub-group.")
    priority: str = Field("wanted", description="must or wanted")


class DelegationRequestOut(Schema):
    id: int
    host_id: int
    member_id: int | None
    subgroup_id: int | None
    priority: str


class DelegationTripIn(Schema):
    venue_id: int
    other_venue_id: int
    minutes: int | None = Field(None, ge=0, le=1440, description="None: no direct trip.")


class DelegationTravelIn(Schema):
    trips: list[DelegationTripIn] = Field(
        max_length=10_000, description="The whole matrix: a pair left out has no direct trip."
    )


class DelegationTravelSavedOut(Schema):
    venues: list[DelegationVenueOut]
    needs_replanning: bool = Field(
        description="Some meetings of the published programme no longer hold with these times."
    )


def _visible(request: AuthenticatedRequest, delegation_id: int) -> tuple[Delegation, bool]:
    """The delegation and whether the caller manages delegations; 404 for an outsider."""
    if rules.can_manage_delegations(request.user):
        return selectors.delegation_get_for(user=request.user, delegation_id=delegation_id), True
    membership = (
        selectors.memberships_for(user=request.user).filter(delegation_id=delegation_id).first()
    )
    if membership is None:
        raise Http404
    return membership.delegation, False


def _managed(request: AuthenticatedRequest, delegation_id: int) -> Delegation:
    delegation, manages = _visible(request, delegation_id)
    if not manages:
        raise PermissionDenied
    return delegation


def _venues(delegation: Delegation) -> list[dict[str, object]]:
    venues = list(delegation.venues.all())
    travel = list(delegation.travel.all())
    routes = rules.shortest_routes(
        [v.pk for v in venues], [(t.origin_id, t.destination_id, t.minutes) for t in travel]
    )
    direct: dict[tuple[int, int], int] = {}
    for t in travel:
        direct[t.origin_id, t.destination_id] = direct[t.destination_id, t.origin_id] = t.minutes
    return [
        {
            "id": venue.pk,
            "name": venue.name,
            "address": venue.address,
            "travel": [
                {
                    "venue_id": other.pk,
                    "minutes": direct[venue.pk, other.pk],
                    "shortest_minutes": routes[venue.pk, other.pk],
                }
                for other in venues
                if (venue.pk, other.pk) in direct
            ],
        }
        for venue in venues
    ]


def _member_out(member: Member) -> dict[str, object]:
    return {
        "id": member.pk,
        "full_name": member.full_name,
        "organisation_name": member.organisation_name,
        "kind": member.kind,
        "subgroup_id": member.subgroup_id,
        "enterprise_id": member.enterprise_id,
        "provider_id": member.provider_id,
        "language": member.language,
    }


def _visit_out(visit: Visit) -> dict[str, object]:
    return {
        "id": visit.pk,
        "host_id": visit.host_id,
        "host": visit.host.name,
        "venue_id": visit.venue_id,
        "subgroup_id": visit.subgroup_id,
        "members": sorted(m.pk for m in visit.members.all()),
        "start": visit.start,
        "end": visit.end,
        "held": visit.held,
        "outcome": visit.outcome,
    }


@router.get("/", response=list[DelegationOut])
@paginate(BoundedPageNumberPagination, page_size=25)
def delegation_list(request: AuthenticatedRequest) -> QuerySet[Delegation]:
    """Every delegation for staff who manage them; a member account's own delegations."""
    if rules.can_manage_delegations(request.user):
        return selectors.delegation_list_for(user=request.user).order_by("-starts_on", "-id")
    return Delegation.objects.filter(deleted_at__isnull=True, members__user=request.user).order_by(
        "-starts_on", "-id"
    )


@router.get("/{delegation_id}", response=DelegationDetailOut)
def delegation_detail(request: AuthenticatedRequest, delegation_id: int) -> dict[str, object]:
    delegation, _manages = _visible(request, delegation_id)
    out = DelegationOut.from_orm(delegation).dict()
    return {
        **out,
        "days": delegation.days,
        "venues": _venues(delegation),
        "subgroups": [{"id": g.pk, "name": g.name} for g in delegation.subgroups.all()],
        "has_published_programme": services.published_run(delegation) is not None,
    }


@router.get("/{delegation_id}/venues", response=list[DelegationVenueOut])
def venue_list(request: AuthenticatedRequest, delegation_id: int) -> list[dict[str, object]]:
    delegation, _manages = _visible(request, delegation_id)
    return _venues(delegation)


@router.get("/{delegation_id}/members", response=list[DelegationMemberOut])
def member_list(request: AuthenticatedRequest, delegation_id: int) -> list[dict[str, object]]:
    delegation = _managed(request, delegation_id)
    return [_member_out(m) for m in delegation.members.all()]


def _programme(delegation: Delegation, run: DelegationRun) -> dict[str, object]:
    zone = delegation.zone
    replans = selectors.programme_replans(delegation, run)
    visits = (
        Visit.objects.filter(run=run)
        .select_related("host")
        .prefetch_related("members")
        .order_by("start", "id")
    )
    return {
        "run": run,
        "items": [
            {
                "id": item.pk,
                "kind": item.kind,
                "title": item.title,
                "venue_id": item.venue_id,
                "subgroup_id": item.subgroup_id,
                "start": item.start(zone),
                "end": item.end(zone),
            }
            for item in delegation.programme.all()
        ],
        "meetings": [_visit_out(v) for v in visits],
        "needs_replanning": bool(replans),
        "replanning": [
            {
                "meeting_id": replan.visit.pk,
                "reason": replan.reason,
                "member_ids": [m.pk for m in replan.members],
                "other": replan.other,
                "other_venue": replan.other_venue,
                "minutes": replan.minutes if replan.minutes < rules.NO_ROUTE else None,
                "text": text,
            }
            for replan, text in zip(
                replans, presenters.replan_lines(delegation, replans), strict=True
            )
        ],
    }


@router.get("/{delegation_id}/programme", response=DelegationProgrammeOut)
def published_programme(request: AuthenticatedRequest, delegation_id: int) -> dict[str, object]:
    """The published run: plenaries and site visits, the meetings with times and venues, and
    the meetings that no longer hold since the delegation changed (re-checked on each read)."""
    delegation = _managed(request, delegation_id)
    run = services.published_run(delegation)
    if run is None:
        raise Http404
    return _programme(delegation, run)


@router.get("/{delegation_id}/members/{member_id}/itinerary", response=DelegationItineraryOut)
def member_itinerary(
    request: AuthenticatedRequest, delegation_id: int, member_id: int
) -> dict[str, object]:
    """Staff read any member's itinerary; a member account only its own."""
    member = selectors.member_get_for(
        user=request.user, delegation_id=delegation_id, member_id=member_id
    )
    run = services.published_run(member.delegation)
    return {
        "member": _member_out(member),
        "published": run is not None,
        "entries": [
            {
                "start": entry.start,
                "end": entry.end,
                "kind": entry.kind,
                "title": entry.title,
                "venue": entry.venue,
                "address": entry.address,
                "with_whom": entry.with_whom,
                "meeting_id": entry.visit.pk if entry.visit is not None else None,
                "travel_minutes": entry.travel_minutes,
            }
            for entry in selectors.itinerary(member, run)
        ],
    }


def _checked(form: forms.ModelForm) -> None:
    """The page's form decides (choices limited to the delegation's own rows); its errors are
    the API's field errors, named as the API names the fields."""
    if not form.is_valid():
        names = {"subgroup", "enterprise", "provider", "user", "host", "member"}
        raise ValidationError(
            {
                f"{name}_id" if name in names else name: [str(m) for m in messages]
                for name, messages in form.errors.items()
            }
        )


@router.post("/{delegation_id}/members", response={201: DelegationMemberOut})
def member_add(
    request: AuthenticatedRequest, delegation_id: int, payload: DelegationMemberIn
) -> tuple[int, dict[str, object]]:
    """Add a member, as the page's form does (a token needs the delegations write scope)."""
    delegation = _managed(request, delegation_id)
    data = payload.dict()
    form = MemberForm(
        {name.removesuffix("_id"): "" if value is None else value for name, value in data.items()},
        delegation=delegation,
    )
    _checked(form)
    member = parts.part_add(actor=request.user, delegation=delegation, row=form.instance)
    return 201, _member_out(member)


@router.post("/{delegation_id}/requests", response={201: DelegationRequestOut})
def request_add(
    request: AuthenticatedRequest, delegation_id: int, payload: DelegationRequestIn
) -> tuple[int, VisitRequest]:
    """Add a meeting request with a visited body, for one member or for a sub-group."""
    delegation = _managed(request, delegation_id)
    form = RequestForm(
        {
            name.removesuffix("_id"): "" if value is None else value
            for name, value in payload.dict().items()
        },
        delegation=delegation,
    )
    _checked(form)
    return 201, parts.part_add(actor=request.user, delegation=delegation, row=form.instance)


@router.put("/{delegation_id}/travel", response=DelegationTravelSavedOut)
def travel_save(
    request: AuthenticatedRequest, delegation_id: int, payload: DelegationTravelIn
) -> dict[str, object]:
    """Replace the travel times, as the page's matrix does; the answer says whether the
    published programme now needs re-planning."""
    delegation = _managed(request, delegation_id)
    minutes: dict[tuple[int, int], int | None] = {}
    for index, trip in enumerate(payload.trips):
        if trip.venue_id == trip.other_venue_id:
            raise ValidationError({f"trips.{index}": [_("A trip joins two different venues.")]})
        pair = (min(trip.venue_id, trip.other_venue_id), max(trip.venue_id, trip.other_venue_id))
        if pair in minutes:
            raise ValidationError({f"trips.{index}": [_("This pair of venues is listed twice.")]})
        minutes[pair] = trip.minutes
    services.travel_matrix_save(actor=request.user, delegation=delegation, minutes=minutes)
    return {
        "venues": _venues(delegation),
        "needs_replanning": bool(
            selectors.programme_replans(delegation, services.published_run(delegation))
        ),
    }


def _run_out(run: DelegationRun) -> dict[str, object]:
    result = run.result or {}
    changes = result.get("changes") or {}
    return {
        "id": run.pk,
        "status": run.status,
        "value": run.value,
        "upper_bound": run.upper_bound,
        "seconds": run.seconds,
        "is_published": run.is_published,
        "created_at": run.created_at,
        "previous_id": run.previous_id,
        "meetings": len(result.get("meetings", [])),
        "unscheduled": len(result.get("unscheduled", [])),
        "changes": {key: int(changes.get(key, 0)) for key in ("kept", "moved", "added", "dropped")},
        "summary": presenters.run_summary(run),
    }


@router.post("/{delegation_id}/runs", response={202: DelegationRunDetailOut})
def run_start(
    request: AuthenticatedRequest, delegation_id: int, payload: DelegationRunIn
) -> tuple[int, dict[str, object]]:
    """Start the scheduler on the programme (it runs in the background: read the run until its
    status is done or failed); with ``keep_published``, re-plan the published programme."""
    delegation = _managed(request, delegation_id)
    run = services.delegation_run_start(
        actor=request.user, delegation=delegation, keep_published=payload.keep_published
    )
    return 202, _run_out(run)


@router.get("/{delegation_id}/runs/{run_id}", response=DelegationRunDetailOut)
def run_detail(request: AuthenticatedRequest, delegation_id: int, run_id: int) -> dict[str, object]:
    """A scheduler run: its status, value against the proven bound, and what it changed."""
    delegation = _managed(request, delegation_id)
    return _run_out(selectors.run_get_for(user=request.user, delegation=delegation, run_id=run_id))


@router.post("/{delegation_id}/runs/{run_id}/publish", response=DelegationRunDetailOut)
def run_publish(
    request: AuthenticatedRequest, delegation_id: int, run_id: int
) -> dict[str, object]:
    """Publish a finished run: members see its meetings in their itineraries from now on."""
    delegation = _managed(request, delegation_id)
    run = selectors.run_get_for(user=request.user, delegation=delegation, run_id=run_id)
    return _run_out(services.delegation_run_publish(actor=request.user, run=run))
