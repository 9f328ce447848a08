"""Every sourced fact to one JSON file and back; the format is in ``docs/knowledge-format.md``.

Rows refer to each other by natural keys (a source's ``key``, a country's ISO code, an
agreement's ``code`` …), never by database ids, so a file moves between installations. Import
creates or updates (it never deletes) and records each change in the audit trail.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from goglobal.core.errors import DomainError
from goglobal.knowledge.models import (
    AdministrativeArea,
    Agreement,
    AgreementParty,
    Country,
    FunctionPoint,
    FunctionStep,
    GroupAccession,
    HongKongFunction,
    Indicator,
    MarketGroup,
    MarketGroupArea,
    MarketGroupMembership,
    Mechanism,
    MechanismInitiative,
    MechanismMeeting,
    NeedCode,
    Office,
    RuleValue,
    Scheme,
    Sector,
    Source,
    TaskForce,
    TaskForceMember,
)
from goglobal.knowledge.services.facts import fact_save

FORMAT = "goglobal-knowledge"
VERSION = 1
# (section name, model, natural key fields), in an order where every reference points back.
SECTIONS: list[tuple[str, type[models.Model], tuple[str, ...]]] = [
    ("sources", Source, ("key",)),
    ("countries", Country, ("code",)),
    ("market_groups", MarketGroup, ("code",)),
    ("memberships", MarketGroupMembership, ("group", "country")),
    ("group_accessions", GroupAccession, ("group", "applicant")),
    ("agreements", Agreement, ("code",)),
    ("agreement_parties", AgreementParty, ("agreement", "country")),
    ("offices", Office, ("code",)),
    ("indicators", Indicator, ("code",)),
    ("sectors", Sector, ("code",)),
    ("areas", AdministrativeArea, ("code",)),
    ("needs", NeedCode, ("code",)),
    ("functions", HongKongFunction, ("code",)),
    ("function_steps", FunctionStep, ("function", "position")),
    ("function_points", FunctionPoint, ("function", "code")),
    ("schemes", Scheme, ("code",)),
    ("mechanisms", Mechanism, ("code",)),
    ("mechanism_meetings", MechanismMeeting, ("code",)),
    ("mechanism_initiatives", MechanismInitiative, ("code",)),
    ("market_group_areas", MarketGroupArea, ("group", "area")),
    ("task_forces", TaskForce, ("code",)),
    ("task_force_members", TaskForceMember, ("task_force", "code")),
    ("rules", RuleValue, ("code", "effective_from")),
]


def _key_field(model: type[models.Model]) -> str:
    return "key" if model is Source else "code"


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def _row(record: models.Model) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in _fields(type(record)):
        if field.is_relation and field.related_model is not None:
            related = getattr(record, field.name)
            row[field.name] = getattr(related, _key_field(field.related_model)) if related else None
            continue
        value = getattr(record, field.attname)
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        row[field.name] = value.isoformat() if isinstance(value, date) else value
    return row


def knowledge_export(*, path: Path) -> dict[str, int]:
    """Write every fact with its source and checked date; returns rows written per section."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
    }
    counts = {}
    for name, model, keys in SECTIONS:
        rows = [_row(record) for record in model._default_manager.all()]
        document[name] = sorted(rows, key=lambda row: tuple(str(row[key]) for key in keys))
        counts[name] = len(document[name])
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return counts


class _Resolver:
    """Finds rows by natural key, remembering what it found."""

    def __init__(self) -> None:
        self.cache: dict[tuple[type[models.Model], str], models.Model] = {}

    def get(self, model: type[models.Model], key: str, *, where: str) -> models.Model:
        found = self.cache.get((model, key))
        if found is None:
            found = model._default_manager.filter(**{_key_field(model): key}).first()
            if found is None:
                raise DomainError(
                    gettext("%(where)s: unknown %(model)s “%(key)s”.")
                    % {"where": where, "model": model._meta.verbose_name, "key": key}
                )
            self.cache[(model, key)] = found
        return found


def _values(
    model: type[models.Model], row: dict[str, Any], resolver: _Resolver, where: str
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in _fields(model):
        if field.name not in row:
            continue
        raw = row[field.name]
        if field.is_relation and field.related_model is not None:
            related = field.related_model
            values[field.name] = (
                resolver.get(related, raw, where=where) if raw is not None else None
            )
        elif isinstance(field, models.DateField):
            values[field.name] = date.fromisoformat(raw) if raw else None
        else:
            values[field.name] = raw
    return values


def _parents_first(model: type[models.Model], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parents: dict[type[models.Model], str] = {Sector: "section", AdministrativeArea: "province"}
    parent = parents.get(model)
    return sorted(rows, key=lambda row: bool(row.get(parent))) if parent else rows


@transaction.atomic
def knowledge_import(*, path: Path, actor: Any = None) -> dict[str, int]:
    """Create or update every fact in an export file; returns rows changed per section."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if document.get("format") != FORMAT or document.get("version") != VERSION:
        raise DomainError(
            gettext("Not a GoGlobal knowledge file (format %(format)s, version %(version)s).")
            % {"format": FORMAT, "version": VERSION}
        )
    resolver = _Resolver()
    changed: dict[str, int] = {}
    for name, model, keys in SECTIONS:
        changed[name] = 0
        for index, row in enumerate(_parents_first(model, document.get(name, [])), start=1):
            where = f"{name}[{index}]"
            values = _values(model, row, resolver, where)
            natural = {key: values.pop(key) for key in keys}
            record = model._default_manager.filter(**natural).first() or model(**natural)
            before = _row(record) if record.pk else None
            for field_name, value in values.items():
                setattr(record, field_name, value)
            if before != _row(record):
                fact_save(record=record, actor=actor)
                changed[name] += 1
            if len(keys) == 1:
                resolver.cache[(model, str(natural[keys[0]]))] = record
    return changed
