"""A snapshot read straight from the shipped knowledge CSV files (no Django, no database).

The engine's tests and the benchmark use it, so they run on the real rules and agreements
without a loaded database; ``knowledge.services.snapshot.snapshot_build`` reads the same facts
from the database. Indicator values are not shipped; tests pass their own.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from goglobal.engines.roadmap.model import (
    AgreementEntry,
    Fact,
    FunctionEntry,
    FunctionPoint,
    FunctionStep,
    IndicatorValue,
    MarketEntry,
    OfficeEntry,
    RuleEntry,
    SchemeEntry,
    Snapshot,
)

DATA = Path(__file__).resolve().parents[3] / "knowledge" / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _yes(text: str) -> bool:
    return text.strip().lower() in {"yes", "true", "1"}


@cache
def _sources() -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in _rows("sources.csv")}


def _fact(
    facts: dict[str, Fact],
    fact_id: str,
    row: dict[str, str],
    en: str,
    hans: str = "",
    hant: str = "",
    verified: bool = True,
) -> str:
    source = _sources()[row["source"]]
    facts[fact_id] = Fact(
        id=fact_id,
        statement={"en": en, "zh-hans": hans or en, "zh-hant": hant or hans or en},
        source_title=source["title"],
        source_url=source["url"],
        source_publisher=source["publisher"],
        checked_on=date.fromisoformat(row["checked_on"]),
        verified=verified,
    )
    return fact_id


def file_snapshot(indicators: tuple[IndicatorValue, ...] = ()) -> Snapshot:  # noqa: C901
    facts: dict[str, Fact] = {}
    rules = []
    for row in _rows("rules.csv"):
        fid = _fact(
            facts,
            f"rule:{row['code']}@{row['effective_from']}",
            row,
            row["text_en"],
            row["text_zh_hans"],
            row["text_zh_hant"],
            _yes(row["is_verified"]),
        )
        rules.append(
            RuleEntry(
                code=row["code"],
                effective_from=date.fromisoformat(row["effective_from"]),
                effective_to=_date(row["effective_to"]),
                value=Decimal(row["value"]) if row["value"] else None,
                unit=row["unit"],
                fact=fid,
                data=json.loads(row["data"]) if row["data"] else {},
                temporary=_yes(row["is_temporary"]),
            )
        )
    parties: dict[str, list[str]] = defaultdict(list)
    for row in _rows("agreement_parties.csv"):
        parties[row["agreement"]].append(row["country"])
    agreements = []
    for row in _rows("agreements.csv"):
        fid = _fact(
            facts,
            f"agreement:{row['code']}",
            row,
            f"{row['name_en']}: {row['status']}",
            verified=_yes(row["is_verified"]),
        )
        agreements.append(
            AgreementEntry(
                code=row["code"],
                kind=row["kind"],
                status=row["status"],
                parties=tuple(sorted(parties[row["code"]])),
                fact=fid,
                signed_on=_date(row["signed_on"]),
                in_force_on=_date(row["in_force_on"]),
            )
        )
    offices = []
    for row in _rows("offices.csv"):
        fid = _fact(facts, f"office:{row['code']}", row, f"{row['name_en']}: {row['status']}")
        offices.append(
            OfficeEntry(
                code=row["code"],
                kind=row["kind"],
                status=row["status"],
                country=row["country"],
                city=row["city_en"],
                fact=fid,
            )
        )
    steps: dict[str, list[FunctionStep]] = defaultdict(list)
    for row in _rows("function_steps.csv"):
        fid = _fact(facts, f"step:{row['function']}#{row['position']}", row, row["title_en"])
        steps[row["function"]].append(
            FunctionStep(
                position=int(row["position"]),
                side=row["side"],
                title={
                    "en": row["title_en"],
                    "zh-hans": row["title_zh_hans"] or row["title_en"],
                    "zh-hant": row["title_zh_hant"] or row["title_en"],
                },
                duration=row["duration"],
                documents=_list(row["documents"]),
                provider_categories=_list(row["provider_categories"]),
                fact=fid,
            )
        )
    points: dict[str, list[FunctionPoint]] = defaultdict(list)
    for row in _rows("function_points.csv"):
        fid = _fact(
            facts,
            f"point:{row['function']}:{row['code']}",
            row,
            row["text_en"],
            row["text_zh_hans"],
            row["text_zh_hant"],
            verified=_yes(row["is_verified"]),
        )
        points[row["function"]].append(FunctionPoint(code=row["code"], kind=row["kind"], fact=fid))
    functions = []
    for row in _rows("functions.csv"):
        fid = _fact(
            facts,
            f"function:{row['code']}",
            row,
            row["summary_en"] or row["name_en"],
            row["summary_zh_hans"] or row["name_zh_hans"],
            row["summary_zh_hant"] or row["name_zh_hant"],
        )
        functions.append(
            FunctionEntry(
                code=row["code"],
                group=row["group"],
                need_codes=_list(row["need_codes"]),
                provider_categories=_list(row["provider_categories"]),
                fact=fid,
                steps=tuple(sorted(steps[row["code"]], key=lambda s: s.position)),
                points=tuple(points[row["code"]]),
            )
        )
    schemes = []
    for row in _rows("schemes.csv"):
        fid = _fact(facts, f"scheme:{row['code']}", row, row["name_en"])
        schemes.append(
            SchemeEntry(
                code=row["code"],
                kind=row["kind"],
                applicant=row["applicant"],
                eligibility=row["eligibility"],
                need_codes=_list(row["need_codes"]),
                fact=fid,
                launched_on=_date(row["launched_on"]),
            )
        )
    markets = []
    for row in _rows("countries.csv"):
        fid = _fact(facts, f"market:{row['code']}", row, row["name_en"])
        markets.append(
            MarketEntry(
                code=row["code"], name={"en": row["name_en"]}, region=row["region"], fact=fid
            )
        )
    series = {"NY.GDP.MKTP.CD", "NE.IMP.GNFS.ZS", "NY.GDP.MKTP.KD.ZG"}
    for row in _rows("indicators.csv"):
        if row["code"] in series:
            _fact(facts, f"indicator:{row['code']}", row, row["name_en"])
    return Snapshot(
        facts=facts,
        rules=tuple(rules),
        agreements=tuple(agreements),
        offices=tuple(offices),
        indicators=indicators,
        functions=tuple(functions),
        schemes=tuple(schemes),
        markets=tuple(markets),
    )


@cache
def shipped() -> Snapshot:
    return file_snapshot()
