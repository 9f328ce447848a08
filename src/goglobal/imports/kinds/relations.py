"""The many-valued parts of a record, loaded and written for a whole batch at once.

Each relation loads the current state of many records in one query (``load``), is compared with
the state a row asks for, and writes only the records whose state differs (``write``), through
bulk inserts, updates and deletes on the related table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models

from goglobal.enterprises.models import Contact, EnterpriseNeed
from goglobal.imports import bulk


@dataclass(frozen=True)
class WriteContext:
    actor: Any
    now: datetime


# (record id, state the file asks for, state before; the empty state for a new record)
Change = tuple[int, Any, Any]


class Relation:
    empty: Any = frozenset()

    def load(self, pks: list[int]) -> dict[int, Any]:
        raise NotImplementedError

    def write(self, changes: list[Change], context: WriteContext) -> None:
        raise NotImplementedError


class ManyToMany(Relation):
    """An automatic many-to-many table; the state is the set of related ids."""

    def __init__(self, field: Any) -> None:
        self.through: type[models.Model] = field.remote_field.through
        self.source = field.m2m_field_name() + "_id"
        self.target = field.m2m_reverse_field_name() + "_id"

    def load(self, pks: list[int]) -> dict[int, Any]:
        found: dict[int, set[int]] = defaultdict(set)
        rows = self.through.objects.filter(**{f"{self.source}__in": pks})  # type: ignore[attr-defined]
        for source, target in rows.values_list(self.source, self.target):
            found[source].add(target)
        return {pk: frozenset(targets) for pk, targets in found.items()}

    def write(self, changes: list[Change], context: WriteContext) -> None:
        stale = [pk for pk, _new, old in changes if old]
        if stale:
            self.through.objects.filter(**{f"{self.source}__in": stale}).delete()  # type: ignore[attr-defined]
        bulk.insert(
            self.through,
            [self.source, self.target],
            ((pk, target) for pk, new, _old in changes for target in new),
        )


class ChildRows(Relation):
    """Rows of a child table that hold nothing but the columns given; replaced wholesale."""

    def __init__(self, model: type[models.Model], parent: str, fields: tuple[str, ...]) -> None:
        self.model = model
        self.parent = parent
        self.fields = fields

    def load(self, pks: list[int]) -> dict[int, Any]:
        found: dict[int, set[tuple[Any, ...]]] = defaultdict(set)
        rows = self.model.objects.filter(**{f"{self.parent}__in": pks})  # type: ignore[attr-defined]
        for parent, *values in rows.values_list(self.parent, *self.fields):
            found[parent].add(tuple(values))
        return {pk: frozenset(values) for pk, values in found.items()}

    def write(self, changes: list[Change], context: WriteContext) -> None:
        stale = [pk for pk, _new, old in changes if old]
        if stale:
            self.model.objects.filter(**{f"{self.parent}__in": stale}).delete()  # type: ignore[attr-defined]
        bulk.insert(
            self.model,
            [self.parent, *self.fields],
            ((pk, *values) for pk, new, _old in changes for values in new),
        )


@dataclass(frozen=True)
class NeedState:
    priority: str
    timeline: str
    row_id: int | None = field(default=None, compare=False)


class Needs(Relation):
    """An enterprise's needs, ``{need id: NeedState}``; merged so that notes survive."""

    empty: Any = {}

    def load(self, pks: list[int]) -> dict[int, Any]:
        found: dict[int, dict[int, NeedState]] = defaultdict(dict)
        rows = EnterpriseNeed.objects.filter(enterprise_id__in=pks).values_list(
            "enterprise_id", "need_id", "priority", "timeline", "pk"
        )
        for enterprise_id, need_id, priority, timeline, pk in rows:
            found[enterprise_id][need_id] = NeedState(priority, timeline, pk)
        return dict(found)

    def write(self, changes: list[Change], context: WriteContext) -> None:
        removed, changed, added = [], [], []
        for pk, new, old in changes:
            removed += [state.row_id for need_id, state in old.items() if need_id not in new]
            for need_id, state in new.items():
                before = old.get(need_id)
                row = (state.priority, state.timeline, "", context.now, context.now)
                if before is None:
                    added.append((pk, need_id, *row))
                elif before != state:
                    changed.append(
                        EnterpriseNeed(
                            pk=before.row_id,
                            priority=state.priority,
                            timeline=state.timeline,
                            updated_at=context.now,
                        )
                    )
        EnterpriseNeed.objects.filter(pk__in=removed).delete()
        bulk.update(EnterpriseNeed, changed, ["priority", "timeline", "updated_at"])
        bulk.insert(EnterpriseNeed, self._COLUMNS, added)

    _COLUMNS = (
        "enterprise_id",
        "need_id",
        "priority",
        "timeline",
        "notes",
        "created_at",
        "updated_at",
    )


@dataclass(frozen=True)
class ContactState:
    full_name: str
    email: str
    phone: str
    has_consent: bool
    row_id: int | None = field(default=None, compare=False)
    consent_recorded_at: datetime | None = field(default=None, compare=False)
    consent_recorded_by_id: int | None = field(default=None, compare=False)


class PrimaryContact(Relation):
    """The first contact of an enterprise, updated in place; others are left alone."""

    empty: Any = None
    _FIELDS = ("full_name", "email", "phone", "has_consent")

    def load(self, pks: list[int]) -> dict[int, Any]:
        found: dict[int, ContactState] = {}
        rows = Contact.objects.filter(enterprise_id__in=pks).order_by("enterprise_id", "pk")
        extra = ("pk", "consent_recorded_at", "consent_recorded_by_id")
        for enterprise_id, *values in rows.values_list("enterprise_id", *self._FIELDS, *extra):
            found.setdefault(enterprise_id, ContactState(*values))
        return found

    def write(self, changes: list[Change], context: WriteContext) -> None:
        created: list[tuple[Any, ...]] = []
        updated: list[Contact] = []
        actor_id = getattr(context.actor, "pk", None)
        for pk, new, old in changes:
            if new is None:
                continue
            recorded_at, recorded_by = None, None
            if old is not None and new.has_consent == old.has_consent:
                recorded_at, recorded_by = old.consent_recorded_at, old.consent_recorded_by_id
            elif new.has_consent or old is not None:
                # Given, or withdrawn (the date of a withdrawal is kept: Contact.consent_withdrawn).
                recorded_at, recorded_by = context.now, actor_id
            values = (
                new.full_name,
                new.email,
                new.phone,
                new.has_consent,
                recorded_at,
                recorded_by,
                context.now,
            )
            if old is None:
                created.append((*values, pk, "", [], context.now))
            else:
                updated.append(
                    Contact(pk=old.row_id, **dict(zip(self._NAMES, values, strict=True)))
                )
        bulk.update(Contact, updated, self._NAMES)
        bulk.insert(
            Contact, [*self._NAMES, "enterprise_id", "title", "languages", "created_at"], created
        )

    _NAMES = (
        "full_name",
        "email",
        "phone",
        "has_consent",
        "consent_recorded_at",
        "consent_recorded_by_id",
        "updated_at",
    )
