"""Event endpoints: the same selectors and services as the pages."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.events import rules, selectors, services

router = Router()


class EventOut(Schema):
    id: int
    version: int
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    city: str
    venue: str
    timezone: str
    starts_on: date
    ends_on: date
    status: str


class ParticipantOut(Schema):
    id: int
    full_name: str
    organisation_name: str
    kind: str
    email: str
    language: str
    max_meetings: int | None
    checked_in_at: datetime | None
    no_show: bool


class RunOut(Schema):
    id: int
    status: str
    value: int | None
    upper_bound: int | None
    ratio: float | None
    seconds: float | None
    is_published: bool
    created_at: datetime


class EventMeetingOut(Schema):
    id: int
    start: datetime
    end: datetime
    table: str
    participants: list[int]
    outcome: str


class ScheduleOut(Schema):
    run: RunOut
    meetings: list[EventMeetingOut]


def _readable(request: AuthenticatedRequest) -> None:
    if not rules.can_view_events(request.user):
        raise PermissionDenied


@router.get("/", response=list[EventOut])
def event_list(request: AuthenticatedRequest) -> object:
    _readable(request)
    return list(selectors.event_list_for(user=request.user)[:500])


@router.get("/{event_id}", response=EventOut)
def event_detail(request: AuthenticatedRequest, event_id: int) -> object:
    return selectors.event_get_for(user=request.user, event_id=event_id)


@router.get("/{event_id}/participants", response=list[ParticipantOut])
def participant_list(request: AuthenticatedRequest, event_id: int) -> object:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    return list(selectors.participant_list_for(event=event))


@router.get("/{event_id}/runs/{run_id}", response=RunOut)
def run_detail(request: AuthenticatedRequest, event_id: int, run_id: int) -> object:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    return selectors.run_get_for(event=event, run_id=run_id)


@router.get("/{event_id}/schedule", response=ScheduleOut)
def published_schedule(request: AuthenticatedRequest, event_id: int) -> object:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    run = services.published_run(event)
    if run is None:
        raise Http404
    return {
        "run": run,
        "meetings": [
            {
                "id": m.pk,
                "start": m.slot.start,
                "end": m.slot.end,
                "table": m.table.label,
                "participants": [m.first_id, m.second_id],
                "outcome": m.outcome,
            }
            for m in selectors.meetings_of(run)
        ],
    }
