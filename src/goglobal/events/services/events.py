"""Creating and editing events, with their meeting slots and tables."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.events.models import Event, Slot, Table

EVENT_FIELDS = [
    "name_en",
    "name_zh_hans",
    "name_zh_hant",
    "city",
    "venue",
    "timezone",
    "starts_on",
    "ends_on",
    "status",
    "mechanism",
    "quota_enterprise",
    "quota_provider",
    "quota_investor",
    "quota_official",
]


@dataclass(frozen=True)
class SlotPattern:
    """Meeting slots of every day: ``minutes`` long from ``day_start`` to ``day_end``."""

    day_start: datetime.time = datetime.time(9, 0)
    day_end: datetime.time = datetime.time(17, 0)
    minutes: int = 20
    breaks: tuple[tuple[datetime.time, datetime.time], ...] = field(default=())
    tables: int = 10


def _apply(event: Event, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in EVENT_FIELDS:
            raise TypeError(f"{name} is not an editable event field")
        setattr(event, name, value)


def slot_times(
    event: Event, pattern: SlotPattern
) -> list[tuple[datetime.date, datetime.datetime, datetime.datetime]]:
    """``(day, start, end)`` of every slot the pattern gives, in the event's time zone."""
    if pattern.minutes < 5:
        raise DomainError(_("A meeting lasts at least 5 minutes."), field="minutes")
    step = datetime.timedelta(minutes=pattern.minutes)
    times = []
    day = event.starts_on
    while day <= event.ends_on:
        start = datetime.datetime.combine(day, pattern.day_start, tzinfo=event.zone)
        last = datetime.datetime.combine(day, pattern.day_end, tzinfo=event.zone)
        while start + step <= last:
            end = start + step
            clash = next(
                (
                    datetime.datetime.combine(day, stop, tzinfo=event.zone)
                    for begin, stop in pattern.breaks
                    if start.time() < stop and begin < end.time()
                ),
                None,
            )
            if clash is not None:
                start = clash
                continue
            times.append((day, start, end))
            start = end
        day += datetime.timedelta(days=1)
    return times


def _slots_replace(event: Event, pattern: SlotPattern) -> None:
    if event.runs.exists():
        raise DomainError(_("Slots cannot change once the scheduler has run."))
    event.slots.all().delete()
    event.tables.all().delete()
    Slot.objects.bulk_create(
        Slot(event=event, day=day, start=start, end=end)
        for day, start, end in slot_times(event, pattern)
    )
    Table.objects.bulk_create(
        Table(event=event, label=f"T{number:02d}") for number in range(1, pattern.tables + 1)
    )


@transaction.atomic
def event_create(*, actor: User, values: dict[str, Any], pattern: SlotPattern) -> Event:
    event = Event(organiser=actor)
    _apply(event, values)
    event.full_clean()
    event.save()
    _slots_replace(event, pattern)
    audit_record(
        actor=actor,
        record=event,
        action="created",
        changes={**snapshot(event, EVENT_FIELDS), "slots": event.slots.count()},
    )
    return event


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: Event,
    seen_version: int,
    values: dict[str, Any],
    pattern: SlotPattern | None = None,
) -> Event:
    """Save ``values``; a new ``pattern`` replaces slots and tables while no run exists."""
    before = snapshot(event, EVENT_FIELDS)
    _apply(event, values)
    event.full_clean()
    updated = Event.objects.filter(pk=event.pk, version=seen_version).update(
        **{name: getattr(event, name) for name in EVENT_FIELDS},
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleRecordError(event)
    event.refresh_from_db()
    if pattern is not None:
        _slots_replace(event, pattern)
    changes = diff(before, snapshot(event, EVENT_FIELDS))
    if changes or pattern is not None:
        audit_record(actor=actor, record=event, action="updated", changes=changes)
    return event
