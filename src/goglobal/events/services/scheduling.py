"""Running the scheduling engine on an event and publishing its result."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.engines import scheduling as engine
from goglobal.events import rules
from goglobal.events.models import (
    ChangeKind,
    ChangeRequest,
    ChangeStatus,
    Event,
    EventStatus,
    Meeting,
    MeetingRequest,
    Participant,
    RunStatus,
    ScheduleRun,
)

logger = logging.getLogger(__name__)
TIME_LIMIT_SECONDS = 60.0


def schedule_instance_build(*, event: Event) -> dict[str, Any]:
    """The engine's input (``goglobal-schedule/2``) for everybody still attending.

    Event meetings stay one-to-one (the meeting rows hold two participants), so organisations
    are left out of the instance: nobody is merged into a shared meeting, and requests in both
    directions make one meeting as in format 1. Format 2 brings the second objective: the fewest
    breaks in each participant's day, the spread between participants at most 2.
    """
    present = (
        Participant.objects.filter(event=event, deleted_at__isnull=True, no_show=False)
        .order_by("id")
        .prefetch_related("available_slots")
    )
    participants = [
        {
            "id": person.key,
            "name": person.full_name,
            "available": [slot.key for slot in person.available_slots.all()],
            "max_meetings": rules.meeting_cap(person.max_meetings, event.quota_for(person.kind)),
        }
        for person in present
    ]
    ids = {row["id"] for row in participants}
    requests = MeetingRequest.objects.filter(event=event).order_by("id")
    dropped, moved = _asked_changes(event)
    triples = [
        (f"p{row.requester_id}", f"p{row.requested_id}", row.priority)
        for row in requests
        if f"p{row.requester_id}" in ids
        and f"p{row.requested_id}" in ids
        and frozenset((f"p{row.requester_id}", f"p{row.requested_id}")) not in dropped
    ]
    return {
        "format": "goglobal-schedule/2",
        "slots": [
            {"id": slot.key, "start": slot.start.isoformat(), "end": slot.end.isoformat()}
            for slot in event.slots.order_by("start", "id")
        ],
        "tables": [table.key for table in event.tables.order_by("label", "id")],
        "participants": participants,
        "requests": [
            {"from": a, "to": b, "weight": weight}
            | ({"not_in": sorted(moved[frozenset((a, b))])} if frozenset((a, b)) in moved else {})
            for a, b, weight in rules.weighted_requests(triples)
        ],
        "objective": {"break_spread": 2},
    }


def _asked_changes(event: Event) -> tuple[set[frozenset[str]], dict[frozenset[str], set[str]]]:
    """Open requests on the published provisional schedule: pairs to drop, slots to avoid."""
    run = published_run(event)
    dropped: set[frozenset[str]] = set()
    moved: dict[frozenset[str], set[str]] = {}
    if run is None or not run.is_provisional:
        return dropped, moved
    for change in ChangeRequest.objects.filter(run=run, status=ChangeStatus.OPEN).select_related(
        "meeting"
    ):
        pair = frozenset((f"p{change.meeting.first_id}", f"p{change.meeting.second_id}"))
        if change.kind == ChangeKind.DROP:
            dropped.add(pair)
        else:
            moved.setdefault(pair, set()).add(f"s{change.meeting.slot_id}")
    return dropped, moved


def published_run(event: Event) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(event=event, is_published=True).order_by("-id").first()


@transaction.atomic
def schedule_run_start(*, actor: User, event: Event) -> ScheduleRun:
    """Queue a run; with a published schedule it is a re-plan that keeps what still holds."""
    Event.objects.select_for_update().filter(pk=event.pk).first()
    if event.runs.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
        raise DomainError(_("The scheduler is already running for this event."))
    instance = schedule_instance_build(event=event)
    if not instance["slots"] or not instance["tables"]:
        raise DomainError(_("The event needs meeting slots and tables before scheduling."))
    try:
        engine.load_instance(instance)
    except engine.InstanceError as error:
        raise DomainError(
            _("The schedule cannot be computed: %(problem)s") % {"problem": error}
        ) from error
    previous = published_run(event)
    run = ScheduleRun.objects.create(
        event=event, instance=instance, previous=previous, created_by=actor
    )
    if previous is not None:
        ChangeRequest.objects.filter(run=previous, status=ChangeStatus.OPEN).update(
            status=ChangeStatus.APPLIED, updated_at=timezone.now()
        )
    audit_record(actor=actor, record=event, action="updated", changes={"run": [None, run.pk]})
    from goglobal.events.tasks import schedule_run_task

    transaction.on_commit(lambda: schedule_run_task.enqueue(run_id=run.pk))
    return run


def _previous_meetings(run: ScheduleRun) -> list[engine.Meeting] | None:
    if run.previous_id is None:
        return None
    return [
        engine.Meeting(
            participants=tuple(sorted((f"p{m.first_id}", f"p{m.second_id}"))),
            slot=f"s{m.slot_id}",
            table=f"t{m.table_id}",
        )
        for m in Meeting.objects.filter(run_id=run.previous_id).exclude(
            change_requests__status=ChangeStatus.APPLIED
        )
    ]


def schedule_run_execute(
    *, run: ScheduleRun, time_limit: float = TIME_LIMIT_SECONDS
) -> ScheduleRun:
    """Run the engine and store its meetings; a run already claimed is left alone."""
    claimed = ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        run.refresh_from_db()
        return run
    try:
        instance = engine.load_instance(run.instance)
        result = engine.schedule(instance, time_limit=time_limit, previous=_previous_meetings(run))
        _store(run, instance, result)
    except Exception as error:
        logger.exception("schedule run %s failed", run.pk)
        ScheduleRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error)[:2000], updated_at=timezone.now()
        )
    run.refresh_from_db()
    return run


@transaction.atomic
def _store(run: ScheduleRun, instance: engine.Instance, result: engine.Result) -> None:
    values = instance.pair_values()
    Meeting.objects.bulk_create(
        Meeting(
            run=run,
            slot_id=int(meeting.slot[1:]),
            table_id=int(meeting.table[1:]),
            first_id=int(meeting.participants[0][1:]),
            second_id=int(meeting.participants[1][1:]),
            value=values.get(meeting.participants, 0),
        )
        for meeting in result.meetings
    )
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=RunStatus.DONE,
        value=result.value,
        upper_bound=result.upper_bound,
        ratio=result.ratio,
        seconds=result.seconds,
        result=engine.result_to_dict(result),
        updated_at=timezone.now(),
    )
    Event.objects.filter(pk=run.event_id, status__in=[EventStatus.DRAFT, EventStatus.OPEN]).update(
        status=EventStatus.SCHEDULED, version=F("version") + 1
    )


@transaction.atomic
def schedule_run_publish(
    *, actor: User, run: ScheduleRun, provisional: bool = False
) -> ScheduleRun:
    """Participants see this run's meetings in their agendas from now on.

    A provisional schedule lets them ask, from their agenda page, to drop a meeting or to have it
    at another time; the next run (a re-plan) applies those requests and keeps everything else.
    """
    run.refresh_from_db()
    if run.status != RunStatus.DONE:
        raise DomainError(_("Only a finished run can be published."))
    ScheduleRun.objects.filter(event_id=run.event_id, is_published=True).update(is_published=False)
    ScheduleRun.objects.filter(pk=run.pk).update(
        is_published=True, published_at=timezone.now(), is_provisional=provisional
    )
    Event.objects.filter(pk=run.event_id).update(
        status=EventStatus.PUBLISHED, version=F("version") + 1, updated_at=timezone.now()
    )
    audit_record(
        actor=actor,
        record=run.event,
        action="updated",
        changes={"published_run": run.pk, "provisional": provisional},
    )
    run.refresh_from_db()
    return run
