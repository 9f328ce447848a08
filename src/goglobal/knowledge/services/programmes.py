"""Loading Hong Kong functions, schemes and co-operation mechanisms from the shipped CSV files."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from goglobal.knowledge.models import (
    FunctionPoint,
    FunctionStep,
    HongKongFunction,
    Mechanism,
    MechanismInitiative,
    MechanismMeeting,
    Scheme,
    Source,
)
from goglobal.knowledge.rules import rule_parse

_NAMES = ("name_en", "name_zh_hans", "name_zh_hant")


def _rows(name: str, data_dir: Path) -> Iterator[dict[str, str]]:
    with (data_dir / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _number(text: str) -> int | None:
    return int(text) if text.strip() else None


def _flag(text: str) -> bool:
    return text.strip().lower() in {"yes", "true", "1"}


def _stamp(row: dict[str, str], sources: dict[str, Source]) -> dict[str, Any]:
    second = (row.get("second_source") or "").strip()
    return {
        "source": sources[row["source"]],
        "second_source": sources[second] if second else None,
        "checked_on": date.fromisoformat(row["checked_on"]),
    }


def _named(row: dict[str, str], sources: dict[str, Source]) -> dict[str, Any]:
    values: dict[str, Any] = {name: row[name].strip() for name in _NAMES}
    values.update(_stamp(row, sources))
    return values


def programmes_load(data_dir: Path, sources: dict[str, Source]) -> dict[str, int]:
    """Create or update functions, schemes and mechanisms; returns rows read per file."""
    return {
        "functions": _load_functions(data_dir, sources),
        "schemes": _load_schemes(data_dir, sources),
        "mechanisms": _load_mechanisms(data_dir, sources),
    }


def _load_functions(data_dir: Path, sources: dict[str, Source]) -> int:
    functions: dict[str, HongKongFunction] = {}
    for row in _rows("functions.csv", data_dir):
        rule_parse(row["eligibility"])
        defaults = _named(row, sources)
        defaults.update(
            group=row["group"],
            sort_order=int(row["sort_order"]),
            summary_en=row["summary_en"],
            summary_zh_hans=row.get("summary_zh_hans") or "",
            summary_zh_hant=row.get("summary_zh_hant") or "",
            need_codes=_list(row["need_codes"]),
            provider_categories=_list(row["provider_categories"]),
            eligibility=row["eligibility"],
            is_verified=_flag(row["is_verified"]),
            note=row["note"],
        )
        functions[row["code"]], _ = HongKongFunction.objects.update_or_create(
            code=row["code"], defaults=defaults
        )
    for row in _rows("function_steps.csv", data_dir):
        FunctionStep.objects.update_or_create(
            function=functions[row["function"]],
            position=int(row["position"]),
            defaults={
                "side": row["side"],
                "title_en": row["title_en"],
                "title_zh_hans": row["title_zh_hans"],
                "title_zh_hant": row["title_zh_hant"],
                "duration": row["duration"],
                "documents": _list(row["documents"]),
                "provider_categories": _list(row["provider_categories"]),
                "need_codes": _list(row["need_codes"]),
                "is_verified": _flag(row.get("is_verified") or "yes"),
                **_stamp(row, sources),
            },
        )
    for row in _rows("function_points.csv", data_dir):
        FunctionPoint.objects.update_or_create(
            function=functions[row["function"]],
            code=row["code"],
            defaults={
                "kind": row["kind"],
                "text_en": row["text_en"],
                "text_zh_hans": row["text_zh_hans"],
                "text_zh_hant": row["text_zh_hant"],
                "is_verified": _flag(row["is_verified"]),
                **_stamp(row, sources),
            },
        )
    return len(functions)


def _load_schemes(data_dir: Path, sources: dict[str, Source]) -> int:
    count = 0
    for row in _rows("schemes.csv", data_dir):
        rule_parse(row["eligibility"])
        defaults = _named(row, sources)
        defaults.update(
            kind=row["kind"],
            applicant=row["applicant"],
            operator=row["operator"],
            launched_on=_date(row["launched_on"]),
            criteria_en=row["criteria_en"],
            eligibility=row["eligibility"],
            need_codes=_list(row["need_codes"]),
            is_verified=_flag(row["is_verified"]),
            note=row["note"],
        )
        Scheme.objects.update_or_create(code=row["code"], defaults=defaults)
        count += 1
    return count


def _load_mechanisms(data_dir: Path, sources: dict[str, Source]) -> int:
    mechanisms: dict[str, Mechanism] = {}
    for row in _rows("mechanisms.csv", data_dir):
        defaults = _named(row, sources)
        defaults.update(
            partner_en=row["partner_en"],
            established_year=_number(row["established_year"]),
            is_verified=_flag(row["is_verified"]),
            note=row["note"],
        )
        mechanisms[row["code"]], _ = Mechanism.objects.update_or_create(
            code=row["code"], defaults=defaults
        )
    meetings: dict[str, MechanismMeeting] = {}
    for row in _rows("mechanism_meetings.csv", data_dir):
        meetings[row["code"]], _ = MechanismMeeting.objects.update_or_create(
            code=row["code"],
            defaults={
                "mechanism": mechanisms[row["mechanism"]],
                "kind": row["kind"],
                "number": _number(row["number"]),
                "held_on": _date(row["held_on"]),
                "held_in": row["held_in"],
                "areas": _list(row["areas"]),
                "area_count": _number(row["area_count"]),
                "agreement_count": _number(row["agreement_count"]),
                "note": row["note"],
                **_stamp(row, sources),
            },
        )
    for row in _rows("mechanism_initiatives.csv", data_dir):
        defaults = _named(row, sources)
        defaults.update(
            mechanism=mechanisms[row["mechanism"]],
            meeting=meetings[row["meeting"]] if row["meeting"] else None,
            status=row["status"],
            status_on=_date(row["status_on"]),
            is_verified=_flag(row["is_verified"]),
            note=row["note"],
        )
        MechanismInitiative.objects.update_or_create(code=row["code"], defaults=defaults)
    return len(mechanisms)
