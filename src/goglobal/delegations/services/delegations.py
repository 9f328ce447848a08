"""Creating and editing delegations and their parts (venues, travel, members, programme)."""

from __future__ import annotations

import hashlib
import json
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.delegations.models import Delegation, TravelTime, Venue

M = TypeVar("M", bound=models.Model)

DELEGATION_FIELDS = [
    "name_en",
    "name_zh_hans",
    "name_zh_hant",
    "direction",
    "places",
    "timezone",
    "starts_on",
    "ends_on",
    "day_starts_at",
    "day_ends_at",
    "slot_minutes",
    "mechanism",
    "owner",
]


def _apply(delegation: Delegation, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in DELEGATION_FIELDS:
            raise TypeError(f"{name} is not an editable delegation field")
        setattr(delegation, name, value)


@transaction.atomic
def delegation_create(*, actor: User, values: dict[str, Any]) -> Delegation:
    delegation = Delegation(owner=actor)
    _apply(delegation, values)
    delegation.full_clean()
    delegation.save()
    audit_record(
        actor=actor,
        record=delegation,
        action="created",
        changes=snapshot(delegation, DELEGATION_FIELDS),
    )
    return delegation


@transaction.atomic
def delegation_update(
    *, actor: User, delegation: Delegation, seen_version: int, values: dict[str, Any]
) -> Delegation:
    before = snapshot(delegation, DELEGATION_FIELDS)
    _apply(delegation, values)
    delegation.full_clean()
    updated = Delegation.objects.filter(pk=delegation.pk, version=seen_version).update(
        **{name: getattr(delegation, name) for name in DELEGATION_FIELDS},
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleRecordError(delegation)
    delegation.refresh_from_db()
    changes = diff(before, snapshot(delegation, DELEGATION_FIELDS))
    if changes:
        audit_record(actor=actor, record=delegation, action="updated", changes=changes)
    return delegation


@transaction.atomic
def part_add(*, actor: User, delegation: Delegation, row: M) -> M:
    """Save a venue, sub-group, member, host, programme item or request of ``delegation``."""
    if getattr(row, "delegation_id", None) != delegation.pk:
        raise DomainError(_("This belongs to another delegation."))
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        record=delegation,
        action="updated",
        changes={"added": f"{row._meta.model_name} {row.pk}"},
    )
    return row


def _attname(row: models.Model, name: str) -> str:
    field = row._meta.get_field(name)
    return str(getattr(field, "attname", name))  # "venue" -> "venue_id"


def part_seen(row: models.Model, fields: list[str]) -> str:
    """A short digest of ``fields`` of ``row`` as read: the edit page sends it back, so a save
    over somebody else's change (made after the page was opened) is refused, not lost."""
    values = {name: getattr(row, _attname(row, name)) for name in fields}
    text = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


@transaction.atomic
def part_update(
    *, actor: User, delegation: Delegation, row: M, fields: list[str], seen: str
) -> dict[str, list[Any]]:
    """Save the edited ``fields`` of a part of ``delegation`` (``row`` carries the new values);
    refused when the stored row changed since it was read as ``seen``. Returns the changes."""
    model = type(row)
    stored = model._default_manager.select_for_update().filter(pk=row.pk).first()
    if stored is None or getattr(stored, "delegation_id", None) != delegation.pk:
        raise DomainError(_("This belongs to another delegation."))
    if part_seen(stored, fields) != seen:
        raise StaleRecordError(stored)
    before = snapshot(stored, fields)
    row.full_clean()
    row.save(update_fields=[model._meta.get_field(name).name for name in fields])
    changes = diff(before, snapshot(row, fields))
    if changes:
        label = f"{row._meta.model_name} {row.pk}"
        audit_record(actor=actor, record=delegation, action="updated", changes={label: changes})
    return changes


@transaction.atomic
def part_remove(*, actor: User, delegation: Delegation, row: models.Model) -> None:
    if getattr(row, "delegation_id", None) != delegation.pk:
        raise DomainError(_("This belongs to another delegation."))
    label = f"{row._meta.model_name} {row.pk}"
    try:
        row.delete()
    except models.ProtectedError as error:
        raise DomainError(
            _(
                "This is still used elsewhere in the delegation (a visited body, a programme "
                "item, a meeting request or a scheduled meeting): remove those first."
            )
        ) from error
    audit_record(actor=actor, record=delegation, action="updated", changes={"removed": label})


@transaction.atomic
def travel_matrix_save(
    *, actor: User, delegation: Delegation, minutes: dict[tuple[int, int], int | None]
) -> int:
    """Replace the travel times: ``minutes[(a, b)]`` for venue ids ``a < b``; ``None`` clears.

    Returns the number of pairs with a time.
    """
    venues = set(Venue.objects.filter(delegation=delegation).values_list("pk", flat=True))
    rows = []
    for (a, b), value in sorted(minutes.items()):
        if a not in venues or b not in venues or a >= b:
            raise DomainError(_("A travel time names a venue of another delegation."))
        if value is None:
            continue
        if not 0 <= value <= 1440:
            raise DomainError(_("Travel takes between 0 and 1,440 minutes."))
        rows.append(TravelTime(delegation=delegation, origin_id=a, destination_id=b, minutes=value))
    TravelTime.objects.filter(delegation=delegation).delete()
    TravelTime.objects.bulk_create(rows)
    audit_record(
        actor=actor, record=delegation, action="updated", changes={"travel_times": len(rows)}
    )
    return len(rows)
