"""Manual edits of a schedule on the master grid, checked against every rule first."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.engines import scheduling as engine
from goglobal.events.models import (
    ChangeKind,
    ChangeRequest,
    ChangeStatus,
    Meeting,
    Participant,
    ScheduleRun,
    Slot,
    Table,
)


def move_problems(*, meeting: Meeting, slot: Slot, table: Table) -> dict[str, list[str]]:
    """Why ``meeting`` may not go to ``slot`` at ``table``, by form field; empty when it may."""
    run = meeting.run
    problems: dict[str, list[str]] = {}
    if slot.event_id != run.event_id:
        problems.setdefault("slot", []).append(_("This time is not one of the event's slots."))
    if table.event_id != run.event_id:
        problems.setdefault("table", []).append(_("This table is not one of the event's tables."))
    if problems:
        return problems
    others = Meeting.objects.filter(run=run, slot=slot).exclude(pk=meeting.pk)
    if others.filter(table=table).exists():
        problems.setdefault("table", []).append(
            _("Table %(table)s is already in use at this time.") % {"table": table.label}
        )
    for person in (meeting.first, meeting.second):
        if person.deleted_at is not None:
            problems.setdefault("slot", []).append(
                _("%(name)s has cancelled the registration.") % {"name": person.full_name}
            )
        elif not person.available_slots.filter(pk=slot.pk).exists():
            problems.setdefault("slot", []).append(
                _("%(name)s is not available at this time.") % {"name": person.full_name}
            )
        elif others.filter(Q(first=person) | Q(second=person)).exists():
            problems.setdefault("slot", []).append(
                _("%(name)s already has a meeting at this time.") % {"name": person.full_name}
            )
    return problems


@transaction.atomic
def meeting_move(
    *, actor: User, meeting: Meeting, seen_version: int, slot: Slot, table: Table
) -> Meeting:
    """Move a meeting to another slot or table; ValidationError (by field) when a rule forbids."""
    ScheduleRun.objects.select_for_update().filter(pk=meeting.run_id).first()
    problems = move_problems(meeting=meeting, slot=slot, table=table)
    if problems:
        raise ValidationError(problems)
    before = snapshot(meeting, ["slot_id", "table_id"])
    updated = Meeting.objects.filter(pk=meeting.pk, version=seen_version).update(
        slot=slot, table=table, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StaleRecordError(meeting)
    meeting.refresh_from_db()
    audit_record(
        actor=actor,
        record=meeting,
        action="updated",
        changes=diff(before, snapshot(meeting, ["slot_id", "table_id"])),
    )
    _refresh_breaks(meeting.run)
    return meeting


def _refresh_breaks(run: ScheduleRun) -> None:
    """The run's report follows the edit: idle gaps recounted on the meetings as they now are."""
    if not run.instance or run.instance.get("format") != "goglobal-schedule/2":
        return
    instance = engine.load_instance(run.instance)
    meetings = [
        engine.Meeting(
            tuple(sorted((f"p{m.first_id}", f"p{m.second_id}"))), f"s{m.slot_id}", f"t{m.table_id}"
        )
        for m in Meeting.objects.filter(run=run)
    ]
    report = engine.breaks_of(instance, meetings)
    result = dict(run.result)
    result["breaks"] = {
        "total": report.total,
        "max": report.most,
        "spread": report.spread,
        "value_only_total": (result.get("breaks") or {}).get("value_only_total"),
        "per_participant": dict(report.per_participant),
        "edited": True,
    }
    ScheduleRun.objects.filter(pk=run.pk).update(result=result, updated_at=timezone.now())


@transaction.atomic
def change_request_submit(
    *, participant: Participant, meeting_id: int, kind: str, note: str
) -> ChangeRequest:
    """A participant asks, on the published provisional schedule, to drop or move a meeting.

    One request per meeting and participant: asking again replaces the earlier one while open.
    """
    run = (
        ScheduleRun.objects.select_for_update()
        .filter(event_id=participant.event_id, is_published=True)
        .order_by("-id")
        .first()
    )
    if run is None or not run.is_provisional:
        raise DomainError(_("The schedule is final: changes go through the organiser."))
    meeting = (
        Meeting.objects.filter(run=run, pk=meeting_id)
        .filter(Q(first=participant) | Q(second=participant))
        .first()
    )
    if meeting is None:
        raise DomainError(_("This meeting is not in your agenda."))
    if kind not in ChangeKind.values:
        raise ValidationError({"kind": _("Choose what should happen to the meeting.")})
    change, _created = ChangeRequest.objects.update_or_create(
        meeting=meeting,
        participant=participant,
        defaults={"run": run, "kind": kind, "note": note[:500], "status": ChangeStatus.OPEN},
    )
    audit_record(actor=None, record=change, action="created", changes={"kind": [None, kind]})
    return change
