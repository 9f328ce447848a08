"""The schedule of a run as rows for CSV and XLSX (columns documented in docs/events.md)."""

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
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def schedule_rows(run: ScheduleRun) -> Iterator[list[str]]:
    """One row per meeting in time then table order; times in the event's time zone."""
    zone = run.event.zone
    for meeting in selectors.meetings_of(run).order_by("slot__start", "table__label", "id"):
        start, end = meeting.slot.start.astimezone(zone), meeting.slot.end.astimezone(zone)
        yield [
            start.date().isoformat(),
            start.strftime("%H:%M"),
            end.strftime("%H:%M"),
            safe_cell(meeting.table.label),
            *(
                safe_cell(value)
                for person in (meeting.first, meeting.second)
                for value in (person.full_name, person.organisation_name, person.email)
            ),
            str(meeting.value),
            meeting.outcome,
        ]
