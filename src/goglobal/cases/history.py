"""The case page's timeline and change history, printed in the reader's language.

Case events and audit rows store codes and ids (``"needs_assessed"``, an owner's id), as data
should. Here they become what a person reads: a stage's label, an officer's name, a field's
verbose name, in the active language. Names come from one query per kind of record, whatever
the number of rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from goglobal.accounts.models import User
from goglobal.cases.models import Case, CaseEvent, Interaction, Outcome, Referral
from goglobal.core.i18n import localized
from goglobal.core.labels import join_list, labelled
from goglobal.core.models import AuditEvent
from goglobal.knowledge.models import Mechanism, NeedCode
from goglobal.providers.models import ServiceProvider

HISTORY_ROWS = 50
NOTHING = "—"


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryRow:
    at: datetime.datetime
    actor: str
    action: str
    record: str
    changes: list[Change]


@dataclass(frozen=True)
class TimelineLine:
    at: datetime.datetime
    actor: str
    kind: str
    detail: str


class _Names:
    """Display names of the users, mechanisms, providers and needs the rows mention."""

    def __init__(self, users: set[int], mechanisms: set[int], providers: set[int], needs: set[int]):
        self.users = {u.pk: str(u) for u in User.objects.filter(pk__in=users)}
        self.mechanisms = {
            m.pk: localized(m, "name") for m in Mechanism.objects.filter(pk__in=mechanisms)
        }
        self.providers = {
            p.pk: localized(p, "name") for p in ServiceProvider.objects.filter(pk__in=providers)
        }
        self.needs = {n.pk: localized(n, "name") for n in NeedCode.objects.filter(pk__in=needs)}

    def of(self, model: type[models.Model] | None, pk: Any) -> str:
        table = {
            User: self.users,
            Mechanism: self.mechanisms,
            ServiceProvider: self.providers,
            NeedCode: self.needs,
        }.get(model or User, {})
        return table.get(pk, f"#{pk}") if isinstance(pk, int) else str(pk)


def _field(model: type[models.Model], name: str) -> Any:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _label(model: type[models.Model], name: str) -> str:
    special = {"interaction": _("interaction"), "outcome": _("outcome")}
    if name in special:
        return special[name]
    field = _field(model, name)
    return str(field.verbose_name) if field is not None else name


def _choice(model: type[models.Model], name: str, value: Any) -> str:
    field = _field(model, name)
    return str(dict(getattr(field, "flatchoices", ())).get(value, value))


def _text(model: type[models.Model], name: str, value: Any, names: _Names) -> str:
    if value in (None, "", []):
        return NOTHING
    if name == "interaction" and isinstance(value, dict):
        return f"{_choice(Interaction, 'kind', value.get('kind'))} {value.get('on', '')}".strip()
    if name == "outcome" and isinstance(value, dict):
        kind = _choice(Outcome, "kind", value.get("kind"))
        return f"{kind} {value.get('achieved_on', '')}".strip()
    field = _field(model, name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None and field.choices:
        return _choice(model, name, value)
    if field is not None and field.is_relation:
        return names.of(field.related_model, value)
    if isinstance(value, list):
        return join_list(value)
    return str(value)


def _ids(rows: Iterable[dict[str, Any]], *keys: str) -> set[int]:
    found: set[int] = set()
    for data in rows:
        for key in keys:
            value = data.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, int):
                    found.add(item)
    return found


def case_history_for(*, case: Case, referrals: list[Referral]) -> list[HistoryRow]:
    """The latest changes to the case and its referrals, newest first."""
    referral_ids = [str(referral.pk) for referral in referrals]
    events = list(
        (
            AuditEvent.objects.filter(target_type="cases.case", target_id=str(case.pk))
            | AuditEvent.objects.filter(target_type="cases.referral", target_id__in=referral_ids)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:HISTORY_ROWS]
    )
    changes = [event.changes or {} for event in events]
    names = _Names(
        users=_ids(changes, "owner", "updated_by"),
        mechanisms=_ids(changes, "mechanism"),
        providers=set(),
        needs=set(),
    )
    rows = []
    for event, changed in zip(events, changes, strict=True):
        model: type[models.Model] = Referral if event.target_type == "cases.referral" else Case
        lines = []
        for name, value in changed.items():
            before, after = value if event.action == "updated" else (None, value)
            if event.action != "updated" and after in (None, "", []):
                continue  # a record's creation lists the values it was given
            lines.append(
                Change(
                    _label(model, name),
                    "" if event.action != "updated" else _text(model, name, before, names),
                    _text(model, name, after, names),
                )
            )
        rows.append(
            HistoryRow(
                at=event.created_at,
                actor=str(event.actor) if event.actor else _("system"),
                action=event.get_action_display(),
                record=str(model._meta.verbose_name),
                changes=lines,
            )
        )
    return rows


def timeline_for(events: list[CaseEvent]) -> list[TimelineLine]:
    """The case's events as lines: stage and status labels, names instead of ids."""
    data = [event.data or {} for event in events]
    names = _Names(
        users=_ids(data, "owner"),
        mechanisms=set(),
        providers=_ids(data, "provider"),
        needs=_ids(data, "need"),
    )
    return [
        TimelineLine(
            at=event.created_at,
            actor=str(event.actor) if event.actor else _("system"),
            kind=event.get_kind_display(),
            detail=_detail(event.kind, values, names),
        )
        for event, values in zip(events, data, strict=True)
    ]


CONFIRMATION_STEPS = {
    "sent": gettext_lazy("link sent to the enterprise"),
    "no_contact": gettext_lazy("not sent: no consenting contact"),
    "withdrawn": gettext_lazy("link withdrawn"),
    "unconfirmed": gettext_lazy("no answer after two links"),
}


def _detail(kind: str, data: dict[str, Any], names: _Names) -> str:
    if kind == CaseEvent.Kind.STAGE_MOVED:
        moved = (
            f"{_choice(Case, 'stage', data.get('from'))} → {_choice(Case, 'stage', data.get('to'))}"
        )
        return f"{moved} ({data['reason']})" if data.get("reason") else moved
    if kind == CaseEvent.Kind.REFERRAL:
        before = _choice(Referral, "status", data["from"]) if data.get("from") else NOTHING
        status = f"{before} → {_choice(Referral, 'status', data.get('to'))}"
        who = names.of(ServiceProvider, data.get("provider"))
        return labelled(join_list([who, names.of(NeedCode, data.get("need"))]), status)
    if kind == CaseEvent.Kind.ASSIGNED:
        before, after = data.get("owner") or [None, None]
        return f"{names.of(User, before) if before else NOTHING} → {names.of(User, after)}"
    if kind in (CaseEvent.Kind.INTERACTION, CaseEvent.Kind.OUTCOME):
        return _text(Case, str(kind), data, names)  # "interaction" / "outcome"
    if kind == CaseEvent.Kind.CONFIRMATION:
        if data.get("step") == "answered":
            return _choice(Outcome, "confirmation", data.get("confirmation"))
        return str(CONFIRMATION_STEPS.get(str(data.get("step")), ""))
    if kind == CaseEvent.Kind.UPDATED:
        return join_list(_label(Case, name) for name in data)
    if kind == CaseEvent.Kind.TASK_DONE:
        return str(data.get("title", ""))
    if kind == CaseEvent.Kind.ROADMAP_TASKS:
        return ngettext(
            "%(count)s task from roadmap version %(number)s",
            "%(count)s tasks from roadmap version %(number)s",
            int(data.get("tasks", 0)),
        ) % {"count": data.get("tasks", 0), "number": data.get("roadmap", "")}
    return ""
