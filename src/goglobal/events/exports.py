"""The schedule of a run as rows for CSV and XLSX (columns documented in docs/events.md).

The table writers neutralise formulas in every cell (``goglobal.core.spreadsheets``)."""

from __future__ import annotations

from collections.abc import Iterator

from goglobal.events import selectors
from goglobal.events.models import ScheduleRun

SCHEDULE_COLUMNS = [
    "day",
    "start",
    "end",
    "table",
    "first_name",
    "first_organisation",
    "first_email",
    "second_name",
    "second_organisation",
    "second_email",
    "value",
    "outcome",
]


def schedule_rows(run: ScheduleRun) -> Iterator[list[str]]:
    """One row per meeting in time then table order; times in the event's time zone."""
    zone = run.event.zone
    for meeting in selectors.meetings_of(run).order_by("slot__start", "table__label", "id"):
        start, end = meeting.slot.start.astimezone(zone), meeting.slot.end.astimezone(zone)
        yield [
            start.date().isoformat(),
            start.strftime("%H:%M"),
            end.strftime("%H:%M"),
            meeting.table.label,
            *(
                value
                for person in (meeting.first, meeting.second)
                for value in (person.full_name, person.organisation_name, person.email)
            ),
            str(meeting.value),
            meeting.outcome,
        ]
