"""Merging two enterprise records into one, and undoing it.

The officer keeps one record (``kept``) and merges the other (``merged``) into it, choosing
field by field which value survives. Every row of every app that points at the merged record
is moved to the kept one, found by walking the foreign keys to ``Enterprise`` in Django's model
meta (so apps added later, such as roadmaps, are covered); rows that would break a uniqueness
rule (both records have the same need) stay with the merged record and are listed. The merged
record is soft-deleted, its names become aliases of the kept one (search and the identity
engine find them), its audit history moves along, and the merge is recorded so that it can be
undone while the kept record has not been edited since.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts import rules
from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.models import AuditEvent
from goglobal.enterprises.identity import identity_keys_refresh
from goglobal.enterprises.models import (
    DuplicateCandidate,
    DuplicateStatus,
    Enterprise,
    EnterpriseMerge,
    IdentityKey,
)
from goglobal.enterprises.services import ENTERPRISE_FIELDS, enterprise_search_text
from goglobal.enterprises.signals import announce_changed

MERGE_FIELDS = [name for name in ENTERPRISE_FIELDS if name != "shown_as_peer"]
_UNIQUE = ("social_credit_code", "external_id")
_OWN = (IdentityKey, DuplicateCandidate, EnterpriseMerge)
_TARGET = "enterprises.enterprise"


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)  # noqa: S101 - a concrete field by construction
    return field


def _attname(name: str) -> str:
    return _field(Enterprise, name).attname


def _state(enterprise: Enterprise) -> dict[str, Any]:
    state = {name: getattr(enterprise, _attname(name)) for name in MERGE_FIELDS}
    state["shown_as_peer"] = enterprise.shown_as_peer
    state["aliases"] = list(enterprise.aliases or [])
    state["target_countries"] = sorted(enterprise.target_countries.values_list("pk", flat=True))
    state["target_groups"] = sorted(enterprise.target_groups.values_list("pk", flat=True))
    return state


@dataclass(frozen=True)
class FieldChoice:
    name: str
    label: str
    kept: Any
    merged: Any
    default: str  # "kept" or "merged"

    @property
    def differs(self) -> bool:
        return self.kept != self.merged


def merge_fields(kept: Enterprise, merged: Enterprise) -> list[FieldChoice]:
    """Each mergeable field with both values and the default choice (the kept value, unless it
    is empty and the merged record has one)."""
    rows = []
    for name in MERGE_FIELDS:
        field = _field(Enterprise, name)
        ours, theirs = getattr(kept, name), getattr(merged, name)
        default = "merged" if ours in (None, "", []) and theirs not in (None, "", []) else "kept"
        rows.append(FieldChoice(name, str(field.verbose_name), ours, theirs, default))
    return rows


def can_merge(user: User) -> bool:
    return rules.can(user, "enterprise.edit_any")


def _relations() -> list[tuple[type[models.Model], str]]:
    """Every (model, foreign key name) pointing at ``Enterprise``, from the model meta."""
    found: list[tuple[type[models.Model], str]] = []
    # Hidden ones too (``related_name="+"``): a key without a way back is still a link to move.
    relations = [
        field
        for field in Enterprise._meta.get_fields(include_hidden=True)
        if isinstance(field, models.ForeignObjectRel)
    ]
    for relation in relations:
        model = relation.related_model
        if not isinstance(model, type) or model in _OWN:
            continue
        if relation.many_to_many:
            through = relation.through  # type: ignore[attr-defined]
            found.append((through, relation.field.m2m_reverse_field_name()))  # type: ignore[attr-defined]
        else:
            found.append((model, relation.field.name))
    return found


def _unique_sets(model: type[models.Model], field: str) -> list[list[str]]:
    """The other fields that, with ``field``, must be unique (constraints, unique_together)."""
    sets: list[list[str]] = []
    meta = model._meta
    if _field(model, field).unique:
        sets.append([])
    for together in meta.unique_together:
        if field in together:
            sets.append([name for name in together if name != field])
    for constraint in meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and field in constraint.fields:
            sets.append([name for name in constraint.fields if name != field])
    return sets


def _move(model: type[models.Model], field: str, source: int, target: int) -> tuple[list[Any], int]:
    """Point ``model.field`` rows from ``source`` at ``target``: ``(moved ids, rows kept back)``."""
    manager = model._base_manager
    rows = list(
        manager.filter(**{field: source}).values(
            "pk", *{n for s in _unique_sets(model, field) for n in s}
        )
    )
    if not rows:
        return [], 0
    taken: list[set[tuple[Any, ...]]] = []
    sets = _unique_sets(model, field)
    for others in sets:
        taken.append(
            set(manager.filter(**{field: target}).values_list(*others)) if others else set()
        )
    movable = []
    for row in rows:
        clash = False
        for others, existing in zip(sets, taken, strict=True):
            values = tuple(row[name] for name in others)
            if (not others and manager.filter(**{field: target}).exists()) or (
                others and values in existing
            ):
                clash = True
                break
        if not clash:
            movable.append(row["pk"])
            for others, existing in zip(sets, taken, strict=True):
                existing.add(tuple(row[name] for name in others))
    manager.filter(pk__in=movable).update(**{field: target})
    return movable, len(rows) - len(movable)


@dataclass(frozen=True)
class MergeResult:
    merge: EnterpriseMerge
    moved: dict[str, int]
    kept_back: dict[str, int]


def _placeholder(pk: int) -> str:
    return f"~{pk:017d}"[-18:]


@transaction.atomic
def enterprise_merge(  # noqa: C901 - one step after the other, in one transaction
    *,
    actor: User,
    kept: Enterprise,
    merged: Enterprise,
    kept_version: int,
    merged_version: int,
    choices: dict[str, str] | None = None,
) -> MergeResult:
    """Merge ``merged`` into ``kept``; ``choices`` maps a field to ``"kept"`` or ``"merged"``."""
    if not can_merge(actor):
        raise DomainError(_("Only task-force officers may merge enterprises."))
    if kept.pk == merged.pk:
        raise DomainError(_("Choose two different enterprises."))
    locked = {
        row.pk: row
        for row in Enterprise.objects.select_for_update().filter(pk__in=[kept.pk, merged.pk])
    }
    kept, merged = locked[kept.pk], locked[merged.pk]
    if kept.deleted_at or merged.deleted_at:
        raise DomainError(_("One of these enterprises was deleted or merged already."))
    if kept.version != kept_version:
        raise StaleRecordError(kept)
    if merged.version != merged_version:
        raise StaleRecordError(merged)
    chosen = {row.name: row.default for row in merge_fields(kept, merged)}
    for name, side in (choices or {}).items():
        if name not in chosen or side not in ("kept", "merged"):
            raise DomainError(_("Unknown field or choice."), field=name)
        chosen[name] = side
    kept_before, merged_before = _state(kept), _state(merged)
    values = {
        _attname(name): (merged_before if side == "merged" else kept_before)[name]
        for name, side in chosen.items()
    }
    # Unique values taken from the merged record: it gets the kept record's old ones.
    merged_values: dict[str, Any] = {"deleted_at": timezone.now(), "version": F("version") + 1}
    for name in _UNIQUE:
        if chosen[name] == "merged" and kept_before[name] != merged_before[name]:
            Enterprise.objects.filter(pk=merged.pk).update(
                **{name: _placeholder(merged.pk) if name == "social_credit_code" else None}
            )
            merged_values[name] = kept_before[name]
    final_names = {values["name_zh"], values["name_en"]}
    aliases = [
        name
        for name in dict.fromkeys(
            [*kept_before["aliases"], merged.name_zh, merged.name_en, *merged_before["aliases"]]
        )
        if name and name not in final_names
    ]
    for name, value in values.items():
        setattr(kept, name, value)
    kept.aliases = aliases
    kept.search_text = enterprise_search_text(kept)
    kept.full_clean(exclude=[*_UNIQUE])
    Enterprise.objects.filter(pk=kept.pk).update(
        **values,
        aliases=aliases,
        search_text=kept.search_text,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    Enterprise.objects.filter(pk=merged.pk).update(**merged_values)
    kept.target_countries.add(*merged_before["target_countries"])
    kept.target_groups.add(*merged_before["target_groups"])
    moved_rows: list[dict[str, Any]] = []
    moved: dict[str, int] = {}
    kept_back: dict[str, int] = {}
    for model, field in _relations():
        ids, left = _move(model, field, merged.pk, kept.pk)
        label = model._meta.label_lower
        if ids:
            moved_rows.append({"model": label, "field": field, "ids": ids})
            moved[label] = moved.get(label, 0) + len(ids)
        if left:
            kept_back[label] = kept_back.get(label, 0) + left
    history = list(
        AuditEvent.objects.filter(target_type=_TARGET, target_id=str(merged.pk)).values_list(
            "pk", flat=True
        )
    )
    AuditEvent.objects.filter(pk__in=history).update(target_id=str(kept.pk))
    moved_rows.append({"model": "core.auditevent", "field": "target_id", "ids": history})
    DuplicateCandidate.objects.filter(
        Q(first=min(kept.pk, merged.pk), second=max(kept.pk, merged.pk))
    ).update(status=DuplicateStatus.MERGED)
    DuplicateCandidate.objects.filter(
        Q(first=merged.pk) | Q(second=merged.pk), status=DuplicateStatus.OPEN
    ).delete()
    kept.refresh_from_db()
    merge = EnterpriseMerge.objects.create(
        kept=kept,
        merged=merged,
        actor=actor,
        kept_before=kept_before,
        merged_before=merged_before,
        moved=moved_rows,
        kept_version=kept.version,
    )
    changes = {"merged": [None, merged.pk], "merge": merge.pk, "fields": chosen, "moved": moved}
    audit_record(actor=actor, record=kept, action="updated", changes=changes)
    audit_record(actor=actor, record=merged, action="deleted", changes={"merged_into": kept.pk})
    identity_keys_refresh([kept.pk, merged.pk])
    announce_changed([kept.pk, merged.pk])
    return MergeResult(merge, moved, kept_back)


@transaction.atomic
def enterprise_merge_undo(*, actor: User, merge: EnterpriseMerge) -> EnterpriseMerge:
    """Put both records back as they were before ``merge``, rows and history included."""
    if not can_merge(actor):
        raise DomainError(_("Only task-force officers may merge enterprises."))
    merge = EnterpriseMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at:
        raise DomainError(_("This merge was undone already."))
    locked = {
        row.pk: row
        for row in Enterprise.objects.select_for_update().filter(
            pk__in=[merge.kept_id, merge.merged_id]
        )
    }
    kept, merged = locked[merge.kept_id], locked[merge.merged_id]
    if kept.version != merge.kept_version or kept.deleted_at:
        raise DomainError(
            _("The kept record was edited after the merge; undo is no longer possible.")
        )
    for row in merge.moved:
        if row["model"] == "core.auditevent":
            AuditEvent.objects.filter(pk__in=row["ids"], target_id=str(kept.pk)).update(
                target_id=str(merged.pk)
            )
            continue
        app_label, model_name = row["model"].split(".")
        model = apps.get_model(app_label, model_name)
        model._base_manager.filter(pk__in=row["ids"], **{row["field"]: kept.pk}).update(
            **{row["field"]: merged.pk}
        )
    # Unique values first out of the way, then both records as they were.
    Enterprise.objects.filter(pk=merged.pk).update(
        social_credit_code=_placeholder(merged.pk), external_id=None
    )
    for record, state in ((kept, merge.kept_before), (merged, merge.merged_before)):
        values = {_attname(name): state[name] for name in MERGE_FIELDS}
        values["shown_as_peer"] = state["shown_as_peer"]
        for name, value in values.items():
            setattr(record, name, value)
        record.aliases = state["aliases"]
        Enterprise.objects.filter(pk=record.pk).update(
            **values,
            aliases=state["aliases"],
            search_text=enterprise_search_text(record),
            deleted_at=None,
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        record.target_countries.set(state["target_countries"])
        record.target_groups.set(state["target_groups"])
    DuplicateCandidate.objects.filter(
        first=min(kept.pk, merged.pk), second=max(kept.pk, merged.pk)
    ).update(status=DuplicateStatus.OPEN)
    merge.undone_at = timezone.now()
    merge.undone_by = actor
    merge.save(update_fields=["undone_at", "undone_by", "updated_at"])
    for record, other in ((kept, merged), (merged, kept)):
        audit_record(
            actor=actor,
            record=record,
            action="updated",
            changes={"merge_undone": [merge.pk, other.pk]},
        )
    identity_keys_refresh([kept.pk, merged.pk])
    announce_changed([kept.pk, merged.pk])
    return merge
