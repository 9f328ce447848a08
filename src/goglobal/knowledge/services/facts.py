"""Editing sourced facts: every change writes an ``AuditEvent`` with the fields that changed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.knowledge.models import Source


def _fields(record: models.Model) -> list[str]:
    return [
        field.attname
        for field in record._meta.concrete_fields
        if not field.primary_key and field.attname != "search_text"
    ]


@transaction.atomic
def fact_save(*, record: models.Model, actor: Any) -> models.Model:
    """Validate and save a fact (new or changed), recording what changed and who changed it."""
    fields = _fields(record)
    old = type(record)._default_manager.filter(pk=record.pk).first() if record.pk else None
    before = snapshot(old, fields) if old is not None else {}
    record.full_clean()
    record.save()
    changes = diff(before, snapshot(record, fields))
    if old is None or changes:
        audit_record(
            actor=actor, record=record, action="updated" if old else "created", changes=changes
        )
    return record


@transaction.atomic
def fact_delete(*, record: models.Model, actor: Any) -> None:
    audit_record(
        actor=actor, record=record, action="deleted", changes=snapshot(record, _fields(record))
    )
    record.delete()


@transaction.atomic
def fact_recheck(
    *,
    records: Iterable[models.Model],
    source: Source | None,
    actor: Any,
    checked_on: date | None = None,
) -> int:
    """Mark facts as checked today (or on ``checked_on``), optionally against a new source."""
    day = checked_on or timezone.localdate()
    count = 0
    for record in records:
        fields = _fields(record)
        before = snapshot(record, fields)
        record.checked_on = day  # type: ignore[attr-defined]
        if source is not None:
            record.source = source  # type: ignore[attr-defined]
        record.save()
        changes = diff(before, snapshot(record, fields))
        audit_record(actor=actor, record=record, action="updated", changes=changes)
        count += 1
    return count
