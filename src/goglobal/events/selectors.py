"""Every user-triggered read of events, with role and object checks applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from goglobal.accounts.models import User
from goglobal.core import signed_links
from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Contact
from goglobal.events import rules
from goglobal.events.models import (
    AgendaBundle,
    ChangeRequest,
    Event,
    Meeting,
    MeetingRequest,
    Participant,
    Priority,
    ScheduleRun,
    Slot,
    Table,
)
from goglobal.providers.models import ServiceProvider

_AGENDA_SALT = "goglobal.events.agenda"


def events_visible_to(user: User) -> QuerySet[Event]:
    if rules.can_view_events(user):
        return Event.objects.filter(deleted_at__isnull=True)
    return Event.objects.none()


def event_list_for(*, user: User) -> QuerySet[Event]:
    return (
        events_visible_to(user)
        .annotate(
            participant_count=Count("participants", filter=Q(participants__deleted_at__isnull=True))
        )
        .order_by("-starts_on", "-id")
    )


def event_get_for(*, user: User, event_id: int) -> Event:
    """The event, or 404 when ``user`` may not see it."""
    return get_object_or_404(events_visible_to(user), pk=event_id)


def event_get_for_manage(*, user: User, event_id: int) -> Event:
    """The event for writing: 404 if unseen, 403 for a reader (an officer) who may not edit."""
    event = event_get_for(user=user, event_id=event_id)
    if not rules.can_manage_events(user):
        raise PermissionDenied
    return event


def participant_list_for(*, event: Event, include_cancelled: bool = False) -> QuerySet[Participant]:
    rows = Participant.objects.filter(event=event)
    if not include_cancelled:
        rows = rows.filter(deleted_at__isnull=True)
    return rows.annotate(slot_count=Count("available_slots")).order_by(
        "organisation_name", "full_name", "id"
    )


def participant_get_for(*, user: User, event: Event, participant_id: int) -> Participant:
    if not rules.can_manage_events(user):
        raise Http404
    return get_object_or_404(participant_list_for(event=event), pk=participant_id)


def request_list_for(*, event: Event) -> QuerySet[MeetingRequest]:
    return MeetingRequest.objects.filter(event=event).select_related("requester", "requested")


def requests_made_by(participant: Participant) -> QuerySet[MeetingRequest]:
    """The requests ``participant`` made, for its agenda page."""
    return (
        MeetingRequest.objects.filter(requester=participant)
        .select_related("requested")
        .order_by("requested__full_name", "id")
    )


def request_of_participant(*, participant: Participant, request_id: int) -> MeetingRequest:
    """A request ``participant`` made; 404 for anybody else's (the signed link is the check)."""
    return get_object_or_404(requests_made_by(participant), pk=request_id)


def request_get_for(*, user: User, event: Event, request_id: int) -> MeetingRequest:
    """A request of ``event`` for its organisers; 404 for readers and for other events'."""
    if not rules.can_manage_events(user):
        raise Http404
    return get_object_or_404(request_list_for(event=event), pk=request_id)


def request_counterparts(
    *, event: Event, requester: Participant | None = None
) -> QuerySet[Participant]:
    """Who may be asked: the event's registered participants, less ``requester`` itself and
    those it has already asked."""
    rows = Participant.objects.filter(event=event, deleted_at__isnull=True)
    if requester is not None:
        rows = rows.exclude(pk=requester.pk).exclude(
            pk__in=MeetingRequest.objects.filter(requester=requester).values("requested_id")
        )
    return rows.order_by("full_name", "id")


def run_list_for(*, event: Event) -> QuerySet[ScheduleRun]:
    return ScheduleRun.objects.filter(event=event).defer("instance", "result")


def run_get_for(*, event: Event, run_id: int) -> ScheduleRun:
    return get_object_or_404(ScheduleRun.objects.filter(event=event), pk=run_id)


def meetings_of(run: ScheduleRun) -> QuerySet[Meeting]:
    return Meeting.objects.filter(run=run).select_related("slot", "table", "first", "second")


def meeting_of_run(*, run: ScheduleRun, meeting_id: int) -> Meeting:
    """A meeting of ``run`` (already checked for the user), or 404."""
    return get_object_or_404(meetings_of(run), pk=meeting_id)


def meeting_get_for(*, user: User, event: Event, meeting_id: int) -> Meeting:
    if not rules.can_manage_events(user):
        raise Http404
    return get_object_or_404(meetings_of_event(event), pk=meeting_id)


def meetings_of_event(event: Event) -> QuerySet[Meeting]:
    return Meeting.objects.filter(run__event=event, run__is_published=True).select_related(
        "slot", "table", "first", "second"
    )


@dataclass(frozen=True)
class GridRow:
    slot: Slot
    cells: list[Meeting | None]


def grid_for(run: ScheduleRun) -> tuple[list[Table], list[GridRow]]:
    """Slots × tables, each cell the meeting held there (or ``None``)."""
    tables = list(Table.objects.filter(event_id=run.event_id))
    slots = list(Slot.objects.filter(event_id=run.event_id))
    placed = {(m.slot_id, m.table_id): m for m in meetings_of(run)}
    rows = [GridRow(slot, [placed.get((slot.pk, table.pk)) for table in tables]) for slot in slots]
    return tables, rows


@dataclass(frozen=True)
class Service:
    participant: Participant
    requested: int
    scheduled: int

    @property
    def missing(self) -> int:
        return self.requested - self.scheduled


def under_served(*, run: ScheduleRun) -> list[Service]:
    """Participants with fewer meetings than the partners they asked for (or were asked by)."""
    partners: dict[int, set[int]] = {}
    blocked = {
        frozenset(pair)
        for pair in MeetingRequest.objects.filter(
            event_id=run.event_id, priority=Priority.NO_THANKS
        ).values_list("requester_id", "requested_id")
    }
    for a, b in (
        MeetingRequest.objects.filter(event_id=run.event_id)
        .exclude(priority=Priority.NO_THANKS)
        .values_list("requester_id", "requested_id")
    ):
        if frozenset((a, b)) not in blocked:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    scheduled: dict[int, int] = {}
    for a, b in Meeting.objects.filter(run=run).values_list("first_id", "second_id"):
        scheduled[a] = scheduled.get(a, 0) + 1
        scheduled[b] = scheduled.get(b, 0) + 1
    people = Participant.objects.filter(
        pk__in=list(partners), deleted_at__isnull=True, no_show=False
    )
    rows = [
        Service(person, len(partners[person.pk]), scheduled.get(person.pk, 0))
        for person in people
        if rules.under_served(len(partners[person.pk]), scheduled.get(person.pk, 0))
    ]
    return sorted(rows, key=lambda row: (-row.missing, row.participant.full_name))


def agenda_token(participant: Participant) -> str:
    return signed_links.make(_AGENDA_SALT, str(participant.pk), participant.link_generation)


def agenda_link_days() -> int:
    return int(getattr(settings, "GOGLOBAL_AGENDA_LINK_DAYS", 60))


def participant_by_token(token: str) -> Participant:
    """The participant a signed agenda link names; 404 for a forged or cancelled one,
    ``LinkExpiredError`` (a clear page) after ``GOGLOBAL_AGENDA_LINK_DAYS``,
    ``LinkRevokedError`` (a clear page) once the organiser withdrew the links sent so far."""
    try:
        value, generation = signed_links.split_generation(
            signed_links.read(_AGENDA_SALT, token, days=agenda_link_days(), legacy=True)
        )
        participant_id = int(value)
    except ValueError as error:
        raise Http404 from error
    participant = get_object_or_404(
        Participant.objects.select_related("event").filter(deleted_at__isnull=True),
        pk=participant_id,
    )
    signed_links.require_current(generation, participant.link_generation)
    return participant


def agenda_for(participant: Participant) -> list[Meeting]:
    """The participant's meetings in the published schedule, in time order."""
    return list(
        meetings_of_event(participant.event)
        .filter(Q(first=participant) | Q(second=participant))
        .order_by("slot__start")
    )


def agenda_changes_for(participant: Participant) -> tuple[bool, dict[int, ChangeRequest]]:
    """Whether the published schedule is provisional, and the participant's requests on it."""
    run = (
        ScheduleRun.objects.filter(event_id=participant.event_id, is_published=True)
        .order_by("-id")
        .first()
    )
    if run is None or not run.is_provisional:
        return False, {}
    changes = ChangeRequest.objects.filter(run=run, participant=participant)
    return True, {change.meeting_id: change for change in changes}


def change_requests_for(run: ScheduleRun) -> list[ChangeRequest]:
    return list(
        ChangeRequest.objects.filter(run=run).select_related(
            "participant", "meeting__slot", "meeting__first", "meeting__second"
        )
    )


def agenda_bundle_latest(*, event: Event) -> AgendaBundle | None:
    return AgendaBundle.objects.filter(event=event).order_by("-id").first()


def agendas_emailed_last(*, event: Event) -> dict[str, Any] | None:
    """When the agendas were last emailed from the platform, by whom, how many sent and failed."""
    row = (
        AuditEvent.objects.filter(
            target_type="events.event",
            target_id=str(event.pk),
            changes__has_key="agendas_emailed",
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )
    if row is None:
        return None
    numbers = row.changes["agendas_emailed"]
    return {"at": row.created_at, "actor": row.actor, **numbers}


def agenda_bundle_get_for(*, user: User, event: Event, bundle_id: int) -> AgendaBundle:
    """A finished bundle of ``event``; 404 for readers who are not organisers."""
    if not rules.can_manage_events(user):
        raise Http404
    return get_object_or_404(
        AgendaBundle.objects.filter(event=event, status="done").exclude(file=""), pk=bundle_id
    )


DIRECTORY_CANDIDATES = 50


def directory_candidates(*, event: Event, query: str) -> dict[str, Any]:
    """Enterprise contacts and service providers of the directory that could be registered for
    ``event``, found by name (any script); those already registered are marked."""
    query = query.strip()[:100]
    contacts = Contact.objects.filter(enterprise__deleted_at__isnull=True).exclude(email="")
    providers = ServiceProvider.objects.filter(deleted_at__isnull=True).exclude(email="")
    if query:
        contacts = contacts.filter(
            Q(full_name__icontains=query)
            | Q(enterprise__name_zh__icontains=query)
            | Q(enterprise__name_en__icontains=query)
        )
        providers = providers.filter(
            Q(name_en__icontains=query)
            | Q(name_zh_hans__icontains=query)
            | Q(name_zh_hant__icontains=query)
        )
    taken = {
        email.lower()
        for email in Participant.objects.filter(event=event, deleted_at__isnull=True).values_list(
            "email", flat=True
        )
    }
    contact_rows = list(
        contacts.select_related("enterprise").order_by("enterprise__name_zh", "full_name", "id")[
            :DIRECTORY_CANDIDATES
        ]
    )
    provider_rows = list(providers.order_by("name_en", "id")[:DIRECTORY_CANDIDATES])
    for row in [*contact_rows, *provider_rows]:
        row.registered = row.email.lower() in taken  # type: ignore[attr-defined]
    return {"contacts": contact_rows, "providers": provider_rows, "query": query}
