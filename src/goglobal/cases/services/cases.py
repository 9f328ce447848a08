"""Opening, moving, editing and assigning cases; outcomes; saved filters."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import Role, User
from goglobal.cases import rules
from goglobal.cases.models import Case, CaseEvent, Outcome, SavedFilter, Stage
from goglobal.cases.services.confirmations import outcome_confirmation_request
from goglobal.cases.services.keys import enterprise_facts
from goglobal.cases.signals import announce_cases_changed
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.enterprises.models import Enterprise
from goglobal.knowledge.models import Country

EDITABLE_FIELDS = [
    "owner",
    "priority",
    "origin",
    "mechanism",
    "next_action",
    "next_action_on",
    "tags",
]
OWNER_ROLES = frozenset({Role.ADMIN, Role.OFFICER})


@dataclass
class CaseChanges:
    """The editable details of a case, as the form or the API gives them."""

    values: dict[str, Any] = field(default_factory=dict)


def _check_owner(owner: User | None) -> None:
    if owner is not None and owner.role not in OWNER_ROLES:
        raise DomainError(_("Only an officer or administrator can own a case."), field="owner")


@transaction.atomic
def case_open(
    *,
    actor: User,
    enterprise: Enterprise,
    origin: str,
    owner: User | None = None,
    priority: str = "medium",
    next_action: str = "",
    next_action_on: datetime.date | None = None,
    tags: Iterable[str] = (),
) -> Case:
    if Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True).exists():
        raise DomainError(_("This enterprise already has an open case."))
    _check_owner(owner)
    case = Case(
        enterprise=enterprise,
        origin=origin,
        owner=owner,
        priority=priority,
        next_action=next_action,
        next_action_on=next_action_on,
        tags=sorted({tag.strip() for tag in tags if tag.strip()}),
        updated_by=actor,
    )
    for name, value in enterprise_facts([enterprise.pk])[enterprise.pk].values().items():
        setattr(case, name, value)
    case.full_clean()
    case.save()
    state = snapshot(case, ["stage", *EDITABLE_FIELDS])
    CaseEvent.objects.create(case=case, actor=actor, kind=CaseEvent.Kind.OPENED, data=state)
    audit_record(actor=actor, record=case, action="created", changes=state)
    announce_cases_changed([case.pk])
    return case


@transaction.atomic
def case_move(*, case: Case, target: str, actor: User, seen_version: int, reason: str = "") -> Case:
    """Move ``case`` to ``target`` if the workflow allows it and nobody saved it meanwhile."""
    if target not in Stage.values:
        raise DomainError(
            _("There is no stage “%(target)s”.") % {"target": target[:50]}, field="target"
        )
    if not rules.can_move(case.stage, target, reason=reason):
        if target == rules.CLOSED and target in rules.STAGE_MOVES.get(case.stage, ()):
            raise DomainError(_("Give a reason for closing the case."), field="reason")
        raise DomainError(
            _("A case in stage “%(current)s” cannot move to “%(target)s”.")
            % {"current": case.get_stage_display(), "target": Stage(target).label}
        )
    now = timezone.now()
    moved = Case.objects.filter(pk=case.pk, version=seen_version, deleted_at__isnull=True).update(
        stage=target,
        closed_reason=reason.strip() if target == rules.CLOSED else "",
        stage_changed_at=now,
        version=F("version") + 1,
        updated_by=actor,
        updated_at=now,
    )
    if not moved:
        raise StaleRecordError(case)
    data = {"from": case.stage, "to": target, "reason": reason.strip()}
    CaseEvent.objects.create(case=case, actor=actor, kind=CaseEvent.Kind.STAGE_MOVED, data=data)
    audit_record(
        actor=actor, record=case, action="updated", changes={"stage": [case.stage, target]}
    )
    announce_cases_changed([case.pk])
    case.refresh_from_db()
    return case


@transaction.atomic
def case_update(*, case: Case, actor: User, seen_version: int, changes: CaseChanges) -> Case:
    """Save the editable details unless somebody saved the case since ``seen_version``."""
    before = snapshot(case, EDITABLE_FIELDS)
    for name, value in changes.values.items():
        if name not in EDITABLE_FIELDS:
            raise TypeError(f"{name} is not an editable case field")
        setattr(case, name, value)
    case.tags = sorted({str(tag).strip() for tag in case.tags if str(tag).strip()})
    _check_owner(case.owner)
    case.full_clean(exclude=["enterprise"], validate_constraints=False)
    values = {name: getattr(case, name) for name in EDITABLE_FIELDS}
    updated = Case.objects.filter(pk=case.pk, version=seen_version, deleted_at__isnull=True).update(
        **values, version=F("version") + 1, updated_by=actor, updated_at=timezone.now()
    )
    if not updated:
        raise StaleRecordError(case)
    changed = diff(before, snapshot(case, EDITABLE_FIELDS))
    if changed:
        kind = CaseEvent.Kind.ASSIGNED if set(changed) == {"owner"} else CaseEvent.Kind.UPDATED
        CaseEvent.objects.create(case=case, actor=actor, kind=kind, data=changed)
        audit_record(actor=actor, record=case, action="updated", changes=changed)
        announce_cases_changed([case.pk])
    case.refresh_from_db()
    return case


@transaction.atomic
def case_assign(*, cases: Iterable[Case], owner: User, actor: User) -> int:
    """Bulk reassign: every case gets ``owner``; returns how many changed hands."""
    _check_owner(owner)
    changed = 0
    now = timezone.now()
    moved = []
    for case in cases:
        if case.owner_id == owner.pk:
            continue
        Case.objects.filter(pk=case.pk).update(
            owner=owner, version=F("version") + 1, updated_by=actor, updated_at=now
        )
        data = {"owner": [case.owner_id, owner.pk]}
        CaseEvent.objects.create(case=case, actor=actor, kind=CaseEvent.Kind.ASSIGNED, data=data)
        audit_record(actor=actor, record=case, action="updated", changes=data)
        moved.append(case.pk)
        changed += 1
    announce_cases_changed(moved)
    return changed


@transaction.atomic
def case_delete(*, case: Case, actor: User) -> Case:
    """Soft delete: the case leaves every list but keeps its history."""
    Case.objects.filter(pk=case.pk).update(
        deleted_at=timezone.now(), version=F("version") + 1, updated_by=actor
    )
    audit_record(actor=actor, record=case, action="deleted")
    announce_cases_changed([case.pk])
    case.refresh_from_db()
    return case


@transaction.atomic
def outcome_record(
    *,
    case: Case,
    actor: User,
    kind: str,
    achieved_on: datetime.date,
    amount: Decimal | None = None,
    currency: str = "",
    route: str = "",
    country: Country | None = None,
    jobs: int | None = None,
    notes: str = "",
    request_confirmation: bool = True,
) -> Outcome:
    outcome = Outcome(
        case=case,
        kind=kind,
        achieved_on=achieved_on,
        amount=amount,
        currency=currency.upper(),
        route=route,
        country=country,
        jobs=jobs,
        notes=notes,
        recorded_by=actor,
    )
    _check_outcome(outcome)
    outcome.full_clean()
    outcome.save()
    data = {"kind": kind, "achieved_on": achieved_on.isoformat(), "outcome": outcome.pk}
    CaseEvent.objects.create(case=case, actor=actor, kind=CaseEvent.Kind.OUTCOME, data=data)
    audit_record(actor=actor, record=case, action="updated", changes={"outcome": [None, data]})
    if request_confirmation:
        outcome_confirmation_request(outcome=outcome, actor=actor)
    announce_cases_changed([case.pk])
    return outcome


def _check_outcome(outcome: Outcome) -> None:
    errors: dict[str, str] = {}
    if outcome.kind == Outcome.Kind.FUNDS_RAISED:
        if outcome.amount is None:
            errors["amount"] = _("Give the amount raised.")
        if not outcome.currency:
            errors["currency"] = _("Give the currency.")
        if not outcome.route:
            errors["route"] = _("Give the route: IPO, private placement or debt.")
    if outcome.kind == Outcome.Kind.MARKET_ENTERED and outcome.country is None:
        errors["country"] = _("Give the market entered.")
    if outcome.kind == Outcome.Kind.JOBS_CREATED and outcome.jobs is None:
        errors["jobs"] = _("Give the number of jobs.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def saved_filter_save(*, actor: User, name: str, query: str) -> SavedFilter:
    saved, _created = SavedFilter.objects.update_or_create(
        user=actor, name=name.strip()[:80], defaults={"query": query[:500]}
    )
    return saved


@transaction.atomic
def saved_filter_delete(*, actor: User, saved: SavedFilter) -> None:
    if saved.user_id != actor.pk:
        raise DomainError(_("This filter belongs to someone else."))
    saved.delete()
