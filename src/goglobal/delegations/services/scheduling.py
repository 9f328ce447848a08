"""A delegation's programme on the format-2 engine: instance, background run, stored visits."""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.delegations import rules
from goglobal.delegations.models import (
    Delegation,
    DelegationRun,
    Host,
    Member,
    ProgrammeItem,
    Visit,
    VisitRequest,
)
from goglobal.engines import scheduling as engine
from goglobal.events.models import RunStatus

logger = logging.getLogger(__name__)
TIME_LIMIT_SECONDS = 30.0
Window = tuple[datetime.datetime, datetime.datetime]


def _slots(delegation: Delegation) -> list[tuple[str, Window]]:
    slots = []
    for index, day in enumerate(delegation.days):
        times = rules.day_slots(
            day,
            starts=delegation.day_starts_at,
            ends=delegation.day_ends_at,
            minutes=delegation.slot_minutes,
            zone=delegation.zone,
        )
        slots += [(f"d{index}s{i}", window) for i, window in enumerate(times)]
    return slots


def _item_members(item: ProgrammeItem, members: list[Member]) -> list[Member]:
    if item.subgroup_id is None:
        return members
    return [m for m in members if m.subgroup_id == item.subgroup_id]


def _participants(members: list[Member], hosts: list[Host]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for member in members:
        row: dict[str, Any] = {"id": member.key, "name": member.full_name}
        if member.subgroup_id is not None:
            row["organisation"] = f"sg{member.subgroup_id}"
            row["groups"] = [f"g{member.subgroup_id}"]
        rows.append(row)
    return rows + [{"id": host.key, "name": host.name} for host in hosts]


def _programme(
    delegation: Delegation, members: list[Member], slots: list[tuple[str, Window]]
) -> tuple[list[dict[str, Any]], dict[int, list[tuple[str, Window]]]]:
    """The programme sessions, and per member pk the (venue, window) of each item it attends."""
    zone = delegation.zone
    programme = []
    blocked_by: dict[int, list[tuple[str, Window]]] = {}
    for item in delegation.programme.order_by("day", "starts_at", "id"):
        window = (item.start(zone), item.end(zone))
        people = _item_members(item, members)
        covered = [key for key, slot in slots if slot[0] < window[1] and window[0] < slot[1]]
        if covered and people:
            programme.append(
                {
                    "id": f"i{item.pk}",
                    "name": item.title,
                    "slots": covered,
                    "participants": [m.key for m in people],
                }
            )
        for member in people:
            blocked_by.setdefault(member.pk, []).append((f"v{item.venue_id}", window))
    return programme, blocked_by


def _requests(
    delegation: Delegation,
    members: list[Member],
    slots: list[tuple[str, Window]],
    blocked_by: dict[int, list[tuple[str, Window]]],
    routes: dict[tuple[str, str], int],
) -> list[dict[str, Any]]:
    requests = []
    for wanted in VisitRequest.objects.filter(delegation=delegation).select_related("host"):
        venue = f"v{wanted.host.venue_id}"
        if wanted.member_id is not None:
            people = [m for m in members if m.pk == wanted.member_id]
        else:
            people = [m for m in members if m.subgroup_id == wanted.subgroup_id]
        avoid = {
            key
            for key, slot in slots
            for person in people
            for where, window in blocked_by.get(person.pk, [])
            if where != venue and rules.too_close(slot, window, routes[venue, where])
        }
        for person in people:
            request: dict[str, Any] = {
                "from": person.key,
                "to": wanted.host.key,
                "weight": wanted.weight,
                "venue": venue,
            }
            if wanted.member_id is not None:
                request["separate"] = True
            if avoid:
                request["not_in"] = sorted(avoid)
            requests.append(request)
    return requests


def delegation_instance_build(*, delegation: Delegation) -> dict[str, Any]:
    """The engine's input (``goglobal-schedule/2`` with venues and travel).

    Members of a sub-group share an organisation, so the requests of a sub-group to one host
    become one group meeting; a member's own request is ``separate`` (a one-to-one). Plenaries
    and site visits are programme sessions at fixed times; the engine knows no venue for them,
    so the travel to and from them is stated here: a meeting is kept out (``not_in``) of every
    slot that leaves one of its members less than the shortest route between the two venues.
    """
    slots = _slots(delegation)
    members = list(delegation.members.order_by("id"))
    hosts = list(Host.objects.filter(delegation=delegation).order_by("id"))
    venues = [v.key for v in delegation.venues.order_by("id")]
    travel = [
        (f"v{t.origin_id}", f"v{t.destination_id}", t.minutes)
        for t in delegation.travel.order_by("origin_id", "destination_id")
    ]
    programme, blocked_by = _programme(delegation, members, slots)
    routes = rules.shortest_routes(venues, travel)
    return {
        "format": "goglobal-schedule/2",
        "slots": [
            {
                "id": key,
                "start": window[0].isoformat(),
                "end": window[1].isoformat(),
                "session": rules.session_of(window[0]),
            }
            for key, window in slots
        ],
        "tables": [f"T{i}" for i in range(max(1, len(hosts)))],
        "participants": _participants(members, hosts),
        "venues": [{"id": key} for key in venues],
        "travel": [{"from": a, "to": b, "minutes": m} for a, b, m in travel],
        "requests": _requests(delegation, members, slots, blocked_by, routes),
        "programme": programme,
        "objective": {"break_spread": 2},
    }


def published_run(delegation: Delegation) -> DelegationRun | None:
    return (
        DelegationRun.objects.filter(delegation=delegation, is_published=True)
        .order_by("-id")
        .first()
    )


def _kept(delegation: Delegation, instance: dict[str, Any], run: DelegationRun) -> list[Any]:
    """The meetings of ``run`` that still hold, as the engine's earlier meetings: every one
    but those the check against the current data re-plans (``selectors.programme_replans``),
    at the slot of the new instance with the same times."""
    from goglobal.delegations.selectors import programme_replans

    replanned = {r.visit.pk for r in programme_replans(delegation, run)}
    slot_at = {}
    for row in instance["slots"]:
        start = datetime.datetime.fromisoformat(row["start"])
        slot_at[start, datetime.datetime.fromisoformat(row["end"])] = row["id"]
    tables = instance["tables"]
    seated: dict[str, int] = {}
    kept = []
    visits = (
        Visit.objects.filter(run=run)
        .exclude(pk__in=replanned)
        .select_related("host")
        .prefetch_related("members")
        .order_by("start", "id")
    )
    for visit in visits:
        slot = slot_at.get((visit.start, visit.end))
        people = [m.key for m in visit.members.all()]
        if slot is None or not people or seated.get(slot, 0) >= len(tables):
            continue
        kept.append(
            {
                "participants": sorted([*people, visit.host.key]),
                "slot": slot,
                "table": tables[seated.get(slot, 0)],
            }
        )
        seated[slot] = seated.get(slot, 0) + 1
    return kept


@transaction.atomic
def delegation_run_start(
    *, actor: User, delegation: Delegation, keep_published: bool = False
) -> DelegationRun:
    """Queue a run of the engine on the delegation's programme (a background task).

    With ``keep_published`` and a published programme, the run re-plans it: the engine keeps
    every published meeting that still holds where it is and places the others anew.
    """
    Delegation.objects.select_for_update().filter(pk=delegation.pk).first()
    if delegation.runs.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
        raise DomainError(_("The scheduler is already running for this delegation."))
    instance = delegation_instance_build(delegation=delegation)
    if not instance["slots"]:
        raise DomainError(
            _("The programme hours are shorter than one meeting: there is nothing to schedule.")
        )
    if not instance["requests"]:
        raise DomainError(_("Add meeting requests before scheduling the programme."))
    try:
        engine.load_instance(instance)
    except engine.InstanceError as error:
        raise DomainError(
            _("The programme cannot be computed: %(problem)s") % {"problem": error}
        ) from error
    previous = published_run(delegation) if keep_published else None
    run = DelegationRun.objects.create(
        delegation=delegation,
        instance=instance,
        created_by=actor,
        previous=previous,
        kept=_kept(delegation, instance, previous) if previous is not None else [],
    )
    audit_record(actor=actor, record=delegation, action="updated", changes={"run": [None, run.pk]})
    from goglobal.delegations.tasks import delegation_run_task

    transaction.on_commit(lambda: delegation_run_task.enqueue(run_id=run.pk))
    return run


def delegation_run_execute(
    *, run: DelegationRun, time_limit: float = TIME_LIMIT_SECONDS
) -> DelegationRun:
    """Run the engine and store its visits; a run already claimed is left alone."""
    claimed = DelegationRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        run.refresh_from_db()
        return run
    try:
        instance = engine.load_instance(run.instance)
        previous = (
            [
                engine.Meeting(
                    participants=tuple(row["participants"]), slot=row["slot"], table=row["table"]
                )
                for row in run.kept
            ]
            if run.previous_id is not None
            else None
        )
        result = engine.schedule(instance, time_limit=time_limit, previous=previous)
        _store(run, result)
    except Exception as error:
        logger.exception("delegation run %s failed", run.pk)
        DelegationRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error)[:2000], updated_at=timezone.now()
        )
    run.refresh_from_db()
    return run


def _store(run: DelegationRun, result: engine.Result) -> None:
    slots = {
        row["id"]: (
            datetime.datetime.fromisoformat(row["start"]),
            datetime.datetime.fromisoformat(row["end"]),
        )
        for row in run.instance["slots"]
    }
    weights: dict[tuple[str, str], int] = {}
    for row in run.instance["requests"]:
        pair = (row["from"], row["to"])
        weights[pair] = weights.get(pair, 0) + int(row.get("weight", 1))
    hosts = {h.key: h for h in Host.objects.filter(delegation_id=run.delegation_id)}
    members = {m.key: m for m in Member.objects.filter(delegation_id=run.delegation_id)}
    with transaction.atomic():
        for meeting in result.meetings:
            host = next((hosts[p] for p in meeting.participants if p in hosts), None)
            people = [members[p] for p in meeting.participants if p in members]
            if host is None or not people:
                continue
            groups = {m.subgroup_id for m in people}
            start, end = slots[meeting.slot]
            visit = Visit.objects.create(
                run=run,
                host=host,
                subgroup_id=groups.pop() if len(people) > 1 and len(groups) == 1 else None,
                venue_id=int(meeting.venue[1:]) if meeting.venue else host.venue_id,
                start=start,
                end=end,
                value=sum(weights.get((m.key, host.key), 0) for m in people),
            )
            visit.members.set(people)
        DelegationRun.objects.filter(pk=run.pk).update(
            status=RunStatus.DONE,
            value=result.value,
            upper_bound=result.upper_bound,
            seconds=result.seconds,
            result=engine.result_to_dict(result),
            updated_at=timezone.now(),
        )


@transaction.atomic
def delegation_run_publish(*, actor: User, run: DelegationRun) -> DelegationRun:
    """Members see this run's meetings in their itineraries from now on."""
    run.refresh_from_db()
    if run.status != RunStatus.DONE:
        raise DomainError(_("Only a finished run can be published."))
    DelegationRun.objects.filter(delegation_id=run.delegation_id, is_published=True).update(
        is_published=False
    )
    DelegationRun.objects.filter(pk=run.pk).update(is_published=True)
    audit_record(
        actor=actor, record=run.delegation, action="updated", changes={"published_run": run.pk}
    )
    run.refresh_from_db()
    return run
