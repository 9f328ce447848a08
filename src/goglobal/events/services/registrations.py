"""Importing registrations and meeting requests from CSV or XLSX, all rows or none."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.errors import DomainError
from goglobal.enterprises.models import Enterprise
from goglobal.events.models import (
    AGENDA_LANGUAGES,
    Event,
    MeetingRequest,
    Participant,
    ParticipantKind,
    Priority,
)
from goglobal.events.services.participants import meeting_request_create, participant_register
from goglobal.imports.cells import Cells, RowError, split_list
from goglobal.imports.tables import TableError, table_rows
from goglobal.providers.models import ServiceProvider

REGISTRATION_COLUMNS = [
    "full_name",
    "organisation",
    "kind",
    "email",
    "language",
    "days",
    "max_meetings",
    "social_credit_code",
    "provider_external_id",
]
REGISTRATION_REQUIRED = ["full_name", "organisation", "kind", "email"]
REQUEST_COLUMNS = ["from_email", "to_email", "priority"]


class ImportRowsError(DomainError):
    """The file has problems; ``errors`` lists each with its row and column."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            _("Nothing was imported: the file has %(count)s problems.") % {"count": len(errors)}
        )
        self.errors = errors


@dataclass(frozen=True)
class ImportCounts:
    created: int


def _rows(handle: IO[bytes], file_format: str, required: list[str]) -> Iterator[Cells]:
    try:
        rows = table_rows(handle, file_format)
        header_row = next(rows, None)
        header = [cell.strip().lower() for cell in header_row[1]] if header_row else []
        missing = [name for name in required if name not in header]
        if missing:
            raise ImportRowsError(
                [
                    RowError(1, name, _("The column “%(column)s” is missing.") % {"column": name})
                    for name in missing
                ]
            )
        for number, cells in rows:
            if any(cells):
                yield Cells(number, dict(zip(header, cells, strict=False)))
    except TableError as error:
        raise ImportRowsError([RowError(error.row, "", error.message)]) from error


def _days(cells: Cells, event: Event) -> set[datetime.date] | None:
    days = set()
    for text in split_list(cells.raw("days")):
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            cells.error("days", _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": text})
            continue
        if not event.starts_on <= day <= event.ends_on:
            cells.error("days", _("%(day)s is not a day of the event.") % {"day": text})
        days.add(day)
    return days or None


class _Directory:
    """Directory records named in a file, looked up once per code."""

    def __init__(self) -> None:
        self.enterprises: dict[str, Enterprise | None] = {}
        self.providers: dict[str, ServiceProvider | None] = {}

    def links(self, cells: Cells) -> dict[str, Any]:
        code = cells.raw("social_credit_code").strip().upper()
        external_id = cells.raw("provider_external_id").strip()
        if code and code not in self.enterprises:
            self.enterprises[code] = Enterprise.objects.filter(
                social_credit_code=code, deleted_at__isnull=True
            ).first()
        if external_id and external_id not in self.providers:
            self.providers[external_id] = ServiceProvider.objects.filter(
                external_id=external_id, deleted_at__isnull=True
            ).first()
        enterprise = self.enterprises.get(code) if code else None
        provider = self.providers.get(external_id) if external_id else None
        if code and enterprise is None:
            cells.error(
                "social_credit_code",
                _("No enterprise has the Unified Social Credit Code “%(code)s”.") % {"code": code},
            )
        if external_id and provider is None:
            cells.error(
                "provider_external_id",
                _("No service provider has the external id “%(id)s”.") % {"id": external_id},
            )
        return {"enterprise": enterprise, "provider": provider}


@transaction.atomic
def registrations_import(
    *, actor: User, event: Event, handle: IO[bytes], file_format: str
) -> ImportCounts:
    """Check every row first; with any problem nothing is written."""
    known = set(Participant.objects.filter(event=event).values_list("email", flat=True))
    directory = _Directory()
    parsed: list[tuple[dict[str, Any], set[datetime.date] | None]] = []
    errors: list[RowError] = []
    for cells in _rows(handle, file_format, REGISTRATION_REQUIRED):
        values = {
            "full_name": cells.text("full_name", max_length=200, required=True),
            "organisation_name": cells.text("organisation", max_length=200, required=True),
            "kind": cells.choice("kind", ParticipantKind.values),
            "email": cells.email("email").lower(),
            "language": cells.choice(
                "language", [code for code, _name in AGENDA_LANGUAGES], default="en"
            ),
            "max_meetings": cells.whole_number("max_meetings", default=None, max_digits=3),
        }
        if not values["email"]:
            cells.error("email", _("“%(column)s” is required.") % {"column": "email"})
        elif values["email"] in known:
            cells.error("email", _("%(email)s is already registered.") % values)
        known.add(values["email"])
        values.update(directory.links(cells))
        days = _days(cells, event)
        errors.extend(cells.errors)
        parsed.append((values, days))
    if errors:
        raise ImportRowsError(errors)
    slots = list(event.slots.all())
    for values, days in parsed:
        chosen = slots if days is None else [slot for slot in slots if slot.day in days]
        participant_register(actor=actor, event=event, values=values, slots=chosen)
    return ImportCounts(created=len(parsed))


@transaction.atomic
def requests_import(
    *, actor: User, event: Event, handle: IO[bytes], file_format: str
) -> ImportCounts:
    people = {
        person.email: person
        for person in Participant.objects.filter(event=event, deleted_at__isnull=True)
    }
    existing = set(
        MeetingRequest.objects.filter(event=event).values_list(
            "requester__email", "requested__email"
        )
    )
    parsed: list[tuple[Participant, Participant, str]] = []
    errors: list[RowError] = []
    for cells in _rows(handle, file_format, REQUEST_COLUMNS):
        ends = []
        for column in ("from_email", "to_email"):
            email = cells.raw(column).lower()
            if email not in people:
                cells.error(
                    column, _("No participant has the email “%(email)s”.") % {"email": email}
                )
            ends.append(email)
        priority = cells.choice("priority", Priority.values)
        if ends[0] and ends[0] == ends[1]:
            cells.error("to_email", _("A participant cannot ask to meet itself."))
        elif (ends[0], ends[1]) in existing and priority != Priority.NO_THANKS:
            cells.error("to_email", _("This request is already recorded."))
        existing.add((ends[0], ends[1]))
        errors.extend(cells.errors)
        if not cells.errors:
            parsed.append((people[ends[0]], people[ends[1]], priority))
    if errors:
        raise ImportRowsError(errors)
    for requester, requested, priority in parsed:
        meeting_request_create(
            actor=actor, requester=requester, requested=requested, priority=priority
        )
    return ImportCounts(created=len(parsed))
