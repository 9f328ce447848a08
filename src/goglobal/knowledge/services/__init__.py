"""Loading the shipped reference data files; idempotent, so re-running updates in place."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from goglobal.knowledge.models import (
    AdministrativeArea,
    Agreement,
    AgreementParty,
    Country,
    GroupAccession,
    Indicator,
    MarketGroup,
    MarketGroupArea,
    MarketGroupMembership,
    NeedCode,
    Office,
    Sector,
    Source,
    TaskForce,
    TaskForceMember,
)
from goglobal.knowledge.services.programmes import programmes_load
from goglobal.knowledge.services.rules import rules_load

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
_NAMES = ("name_en", "name_zh_hans", "name_zh_hant")


def _rows(name: str, data_dir: Path) -> Iterator[dict[str, str]]:
    with (data_dir / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _stamped(row: dict[str, str], sources: dict[str, Source]) -> dict[str, Any]:
    """``source``, ``second_source`` (empty or absent: none) and ``checked_on`` of a row."""
    second = (row.get("second_source") or "").strip()
    return {
        "source": sources[row["source"]],
        "second_source": sources[second] if second else None,
        "checked_on": date.fromisoformat(row["checked_on"]),
    }


def _sourced(row: dict[str, str], sources: dict[str, Source]) -> dict[str, Any]:
    values: dict[str, Any] = {name: row[name].strip() for name in _NAMES}
    values.update(_stamped(row, sources))
    return values


def _optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


@transaction.atomic
def reference_data_load(*, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Create or update every reference row from the CSV files; returns rows read per file."""
    counts: dict[str, int] = {}
    sources = {}
    for row in _rows("sources.csv", data_dir):
        sources[row["key"]], _ = Source.objects.update_or_create(
            key=row["key"],
            defaults={
                "title": row["title"],
                "url": row["url"],
                "publisher": row["publisher"],
                "kind": (row.get("kind") or Source.Kind.SECONDARY).strip(),
            },
        )
    counts["sources"] = len(sources)
    counts["sectors"] = _load_sectors(data_dir, sources)
    counts["areas"] = _load_areas(data_dir, sources)
    counts["countries"] = _load_countries(data_dir, sources)
    counts["market_groups"] = _load_groups(data_dir, sources)
    counts["needs"] = _load_needs(data_dir, sources)
    counts["indicators"] = _load_indicators(data_dir, sources)
    counts["agreements"] = _load_agreements(data_dir, sources)
    counts["offices"] = _load_offices(data_dir, sources)
    counts["task_forces"] = _load_task_forces(data_dir, sources)
    counts.update(programmes_load(data_dir, sources))
    counts.update(rules_load(data_dir, sources))
    return counts


def _load_sectors(data_dir: Path, sources: dict[str, Source]) -> int:
    rows = sorted(_rows("sectors.csv", data_dir), key=lambda row: row["level"] != "section")
    sections: dict[str, Sector] = {}
    for row in rows:
        defaults = _sourced(row, sources)
        defaults["level"] = row["level"]
        defaults["section"] = sections.get(row["section"]) if row["section"] else None
        defaults["isic_codes"] = [code for code in row["isic_codes"].split(";") if code]
        sector, _ = Sector.objects.update_or_create(code=row["code"], defaults=defaults)
        if sector.level == Sector.Level.SECTION:
            sections[sector.code] = sector
    return len(rows)


def _load_areas(data_dir: Path, sources: dict[str, Source]) -> int:
    rows = sorted(_rows("areas.csv", data_dir), key=lambda row: row["level"] != "province")
    provinces: dict[str, AdministrativeArea] = {}
    for row in rows:
        defaults = _sourced(row, sources)
        defaults["level"] = row["level"]
        defaults["province"] = provinces.get(row["province"]) if row["province"] else None
        area, _ = AdministrativeArea.objects.update_or_create(code=row["code"], defaults=defaults)
        if area.level == AdministrativeArea.Level.PROVINCE:
            provinces[area.code] = area
    return len(rows)


def _load_countries(data_dir: Path, sources: dict[str, Source]) -> int:
    count = 0
    for row in _rows("countries.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults.update(alpha3=row["alpha3"], region=row["region"])
        Country.objects.update_or_create(code=row["code"], defaults=defaults)
        count += 1
    return count


def _load_groups(data_dir: Path, sources: dict[str, Source]) -> int:
    groups = {}
    for row in _rows("market_groups.csv", data_dir):
        groups[row["code"]], _ = MarketGroup.objects.update_or_create(
            code=row["code"], defaults=_sourced(row, sources)
        )
    countries = {country.code: country for country in Country.objects.all()}
    for row in _rows("market_group_members.csv", data_dir):
        MarketGroupMembership.objects.update_or_create(
            group=groups[row["group"]],
            country=countries[row["country"]],
            defaults={
                "joined_on": _optional_date(row["joined_on"]),
                "left_on": _optional_date(row["left_on"]),
                **_stamped(row, sources),
            },
        )
    areas = {area.code: area for area in AdministrativeArea.objects.all()}
    if (data_dir / "market_group_areas.csv").exists():
        for row in _rows("market_group_areas.csv", data_dir):
            MarketGroupArea.objects.update_or_create(
                group=groups[row["group"]],
                area=areas[row["area"]],
                defaults=_stamped(row, sources),
            )
    for row in _rows("group_accessions.csv", data_dir):
        GroupAccession.objects.update_or_create(
            group=groups[row["group"]],
            applicant=countries[row["applicant"]],
            defaults={
                "status": row["status"],
                "applied_on": _optional_date(row["applied_on"]),
                "status_on": _optional_date(row["status_on"]),
                "note": row["note"],
                **_stamped(row, sources),
            },
        )
    return len(groups)


def _load_needs(data_dir: Path, sources: dict[str, Source]) -> int:
    count = 0
    for row in _rows("needs.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults["sort_order"] = int(row["sort_order"])
        for suffix in ("en", "zh_hans", "zh_hant"):
            defaults[f"description_{suffix}"] = row[f"description_{suffix}"]
        NeedCode.objects.update_or_create(code=row["code"], defaults=defaults)
        count += 1
    return count


def _flag(text: str) -> bool:
    return text.strip().lower() in {"yes", "true", "1"}


def _load_indicators(data_dir: Path, sources: dict[str, Source]) -> int:
    count = 0
    for row in _rows("indicators.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults.update(unit=row["unit"], sort_order=int(row["sort_order"]))
        Indicator.objects.update_or_create(code=row["code"], defaults=defaults)
        count += 1
    return count


def _load_agreements(data_dir: Path, sources: dict[str, Source]) -> int:
    agreements = {}
    for row in _rows("agreements.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults.update(
            kind=row["kind"],
            status=row["status"],
            negotiations_started_on=_optional_date(row["negotiations_started_on"]),
            signed_on=_optional_date(row["signed_on"]),
            in_force_on=_optional_date(row["in_force_on"]),
            is_verified=_flag(row["is_verified"]),
            note=row["note"],
        )
        agreements[row["code"]], _ = Agreement.objects.update_or_create(
            code=row["code"], defaults=defaults
        )
    countries = {country.code: country for country in Country.objects.all()}
    listed: dict[str, set[str]] = {code: set() for code in agreements}
    for row in _rows("agreement_parties.csv", data_dir):
        listed[row["agreement"]].add(row["country"])
        AgreementParty.objects.update_or_create(
            agreement=agreements[row["agreement"]],
            country=countries[row["country"]],
            defaults=_stamped(row, sources),
        )
    for code, members in listed.items():
        agreements[code].coverage.exclude(country__code__in=members).delete()
    return len(agreements)


def _load_offices(data_dir: Path, sources: dict[str, Source]) -> int:
    countries = {country.code: country for country in Country.objects.all()}
    count = 0
    for row in _rows("offices.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults.update(
            kind=row["kind"],
            status=row["status"],
            country=countries[row["country"]],
            city_en=row["city_en"],
            opened_on=_optional_date(row["opened_on"]),
            is_verified=_flag(row["is_verified"]),
        )
        Office.objects.update_or_create(code=row["code"], defaults=defaults)
        count += 1
    return count


def _load_task_forces(data_dir: Path, sources: dict[str, Source]) -> int:
    if not (data_dir / "task_forces.csv").exists():
        return 0
    forces = {}
    for row in _rows("task_forces.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults.update(
            launched_on=_optional_date(row["launched_on"]),
            chair_en=row["chair_en"],
            chair_zh_hans=row["chair_zh_hans"],
            chair_zh_hant=row["chair_zh_hant"],
            is_verified=_flag(row["is_verified"]),
            note=row["note"],
        )
        forces[row["code"]], _ = TaskForce.objects.update_or_create(
            code=row["code"], defaults=defaults
        )
    for row in _rows("task_force_members.csv", data_dir):
        defaults = _sourced(row, sources)
        defaults.update(position=int(row["position"]), is_verified=_flag(row["is_verified"]))
        TaskForceMember.objects.update_or_create(
            task_force=forces[row["task_force"]], code=row["code"], defaults=defaults
        )
    return len(forces)
