"""Rules in force on a date: loading ``data/rules.csv`` and reading the value in force.

A rule is a ``code`` with one ``RuleValue`` row per period. Which row is in force on day D:
among the rows whose dates cover D, the one that started last. A temporary rule (HKEX's
Chapter 18C thresholds of 1 September 2024 to 31 August 2027) is a later row with an end
date laid over the standing row, so on 2026-12-02 the temporary HK$4 billion is in force, the
standing HK$6 billion is suspended, and on 2027-09-01 the standing row is back without any edit.
History is never overwritten: a change closes the old row (``effective_to``) and adds a row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db.models import Q, QuerySet

from goglobal.knowledge.models import RuleValue, Source

COLUMNS = [
    "code",
    "effective_from",
    "effective_to",
    "value",
    "unit",
    "data",
    "is_temporary",
    "text_en",
    "text_zh_hans",
    "text_zh_hant",
    "is_verified",
    "note",
    "source",
    "checked_on",
]


def _flag(text: str) -> bool:
    return text.strip().lower() in {"yes", "true", "1"}


def rules_load(data_dir: Path, sources: dict[str, Source]) -> dict[str, int]:
    """Create or update every dated rule value of ``rules.csv``; returns rows read."""
    path = data_dir / "rules.csv"
    if not path.exists():
        return {"rules": 0}
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            RuleValue.objects.update_or_create(
                code=row["code"],
                effective_from=date.fromisoformat(row["effective_from"]),
                defaults={
                    "effective_to": (
                        date.fromisoformat(row["effective_to"]) if row["effective_to"] else None
                    ),
                    "value": Decimal(row["value"]) if row["value"].strip() else None,
                    "unit": row["unit"],
                    "data": json.loads(row["data"]) if row["data"].strip() else {},
                    "is_temporary": _flag(row["is_temporary"]),
                    "text_en": row["text_en"],
                    "text_zh_hans": row["text_zh_hans"],
                    "text_zh_hant": row["text_zh_hant"],
                    "is_verified": _flag(row["is_verified"]),
                    "note": row["note"],
                    "source": sources[row["source"]],
                    "checked_on": date.fromisoformat(row["checked_on"]),
                },
            )
            count += 1
    return {"rules": count}


def _covering(on: date) -> QuerySet[RuleValue]:
    return RuleValue.objects.filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on), effective_from__lte=on
    ).select_related("source")


def _latest_per_code(rows: Iterable[RuleValue]) -> dict[str, RuleValue]:
    chosen: dict[str, RuleValue] = {}
    for row in rows:  # ordered by code, then latest start first
        chosen.setdefault(row.code, row)
    return chosen


def rules_in_force(*, on: date, codes: Iterable[str] | None = None) -> dict[str, RuleValue]:
    """Every rule's value in force on ``on`` (one query), keyed by code."""
    rows = _covering(on)
    if codes is not None:
        rows = rows.filter(code__in=list(codes))
    return _latest_per_code(rows.order_by("code", "-effective_from"))


def rule_in_force(code: str, *, on: date) -> RuleValue | None:
    """The value of ``code`` in force on ``on``, or None when no row covers that day."""
    return _covering(on).filter(code=code).order_by("-effective_from").first()


@dataclass(frozen=True)
class RuleOnDay:
    """What the rule page shows for one code: the row in force, and any standing row it
    suspends (while a temporary rule runs), and the whole history."""

    code: str
    in_force: RuleValue | None
    suspended: list[RuleValue]
    history: list[RuleValue]


def rule_on_day(code: str, *, on: date) -> RuleOnDay:
    """One rule on ``on``: the value in force, the standing values it suspends, its history."""
    rows = list(
        RuleValue.objects.filter(code=code).select_related("source").order_by("-effective_from")
    )
    covering = [row for row in rows if row.covers(on)]
    return RuleOnDay(
        code=code,
        in_force=covering[0] if covering else None,
        suspended=covering[1:],
        history=sorted(rows, key=lambda row: row.effective_from),
    )


def rule_overview(*, on: date) -> list[RuleOnDay]:
    """Every rule with its value in force on ``on``, the values it suspends and its history
    (one query)."""
    by_code: dict[str, list[RuleValue]] = {}
    for row in RuleValue.objects.select_related("source").order_by("code", "-effective_from"):
        by_code.setdefault(row.code, []).append(row)
    overview = []
    for code, rows in by_code.items():
        covering = [row for row in rows if row.covers(on)]
        overview.append(
            RuleOnDay(
                code=code,
                in_force=covering[0] if covering else None,
                suspended=covering[1:],
                history=sorted(rows, key=lambda row: row.effective_from),
            )
        )
    return overview
