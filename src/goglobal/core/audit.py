"""Writing audit rows: services call ``audit_record`` in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from django.db import models

from goglobal.core.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return sorted(str(item) for item in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(record: models.Model, fields: list[str]) -> dict[str, Any]:
    """The audited fields of ``record`` as JSON-ready values."""
    return {name: _plain(getattr(record, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def audit_record(
    *,
    actor: Any,
    record: models.Model,
    action: str,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=record._meta.label_lower,
        target_id=str(record.pk),
        changes=changes or {},
    )
