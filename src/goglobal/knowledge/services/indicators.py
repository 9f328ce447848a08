"""Importing World Bank indicator CSV files, in the long and the wide (bulk download) layout.

Long layout: a header ``Country Name,Country Code,Year,Value`` and one row per area and year;
the indicator code comes from ``indicator`` or from the file name (``ny.gdp.mktp.cd.csv``).
Wide layout: a few metadata lines, then ``"Country Name","Country Code","Indicator Name",
"Indicator Code","1960",…`` with one column per year; one file may hold several indicators.

The whole file is checked first and every problem is reported with its line number; nothing is
written unless the file is clean. Re-importing the same file changes nothing.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.knowledge.models import Country, Indicator, IndicatorValue

# The World Bank's regional and income aggregates (not countries); codes as in the WDI files.
WORLD_BANK_AGGREGATES = frozenset(
    [
        "AFE",
        "AFW",
        "ARB",
        "CEB",
        "CSS",
        "EAP",
        "EAR",
        "EAS",
        "ECA",
        "ECS",
        "EMU",
        "EUU",
        "FCS",
        "HIC",
        "HPC",
        "IBD",
        "IBT",
        "IDA",
        "IDB",
        "IDX",
        "INX",
        "LAC",
        "LCN",
        "LDC",
        "LIC",
        "LMC",
        "LMY",
        "LTE",
        "MEA",
        "MIC",
        "MNA",
        "NAC",
        "OED",
        "OSS",
        "PRE",
        "PSS",
        "PST",
        "SAS",
        "SSA",
        "SSF",
        "SST",
        "TEA",
        "TEC",
        "TLA",
        "TMN",
        "TSA",
        "TSS",
        "UMC",
        "WLD",
    ]
)
LONG_HEADER = ["Country Name", "Country Code", "Year", "Value"]
WIDE_HEADER_START = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


class IndicatorFileError(DomainError):
    """A file that cannot be imported; ``problems`` lists every problem with its line number."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class Observation:
    line: int
    indicator_code: str
    area_code: str
    area_name: str
    year: int
    value: float


@dataclass(slots=True)
class ImportResult:
    layout: str
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    indicators: list[str] = field(default_factory=list)


def _read_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _detect(rows: list[list[str]]) -> tuple[str, int]:
    """``("long" | "wide", index of the header row)``."""
    for index, row in enumerate(rows[:20]):
        cells = [cell.strip() for cell in row]
        if cells[:4] == WIDE_HEADER_START:
            return "wide", index
        if [cell for cell in cells if cell] == LONG_HEADER:
            return "long", index
    raise IndicatorFileError(
        [
            gettext(
                "No header found: expected “Country Name,Country Code,Year,Value” (long layout) "
                "or the World Bank bulk-download header (wide layout)."
            )
        ]
    )


def _parse_year(text: str) -> int | None:
    year = int(text) if text.strip().isdigit() else None
    return year if year is not None and _FIRST_YEAR <= year <= _LAST_YEAR else None


def _parse_value(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _bad_code(code: str) -> bool:
    return not (2 <= len(code) <= 3 and code.isalnum() and code.isupper())


def _long(
    rows: list[list[str]], start: int, indicator_code: str, problems: list[str]
) -> Iterator[Observation]:
    for index in range(start + 1, len(rows)):
        line, row = index + 1, rows[index]
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 4:
            problems.append(gettext("line %(line)d: expected 4 columns.") % {"line": line})
            continue
        name, code, year_text, value_text = (cell.strip() for cell in row[:4])
        year = _parse_year(year_text)
        value = _parse_value(value_text) if value_text else None
        if _bad_code(code):
            problems.append(
                gettext("line %(line)d: “%(code)s” is not a country or aggregate code.")
                % {"line": line, "code": code}
            )
        elif year is None:
            problems.append(
                gettext("line %(line)d: “%(year)s” is not a year.")
                % {"line": line, "year": year_text}
            )
        elif value_text and value is None:
            problems.append(
                gettext("line %(line)d: “%(value)s” is not a number.")
                % {"line": line, "value": value_text}
            )
        elif value is not None:
            yield Observation(line, indicator_code, code, name, year, value)


def _wide(rows: list[list[str]], start: int, problems: list[str]) -> Iterator[Observation]:
    header = [cell.strip() for cell in rows[start]]
    years = {column: _parse_year(text) for column, text in enumerate(header) if column >= 4}
    for column, year in years.items():
        if year is None and header[column]:
            problems.append(
                gettext("line %(line)d: column “%(name)s” is not a year.")
                % {"line": start + 1, "name": header[column]}
            )
    for index in range(start + 1, len(rows)):
        line, row = index + 1, [cell.strip() for cell in rows[index]]
        if not any(row):
            continue
        name, code, _name, indicator_code = [*row, "", "", "", ""][:4]
        if _bad_code(code) or not indicator_code:
            problems.append(
                gettext("line %(line)d: a country code and an indicator code are required.")
                % {"line": line}
            )
            continue
        for column, year in years.items():
            text = row[column] if column < len(row) else ""
            if year is None or not text:
                continue
            value = _parse_value(text)
            if value is None:
                problems.append(
                    gettext("line %(line)d: “%(value)s” (%(year)d) is not a number.")
                    % {"line": line, "value": text, "year": year}
                )
            else:
                yield Observation(line, indicator_code, code, name, year, value)


def indicator_code_from_path(path: Path) -> str:
    """``ny.gdp.mktp.cd.csv`` → ``NY.GDP.MKTP.CD``."""
    return path.name.removesuffix(".csv").upper()


def indicator_file_read(*, path: Path, indicator: str = "") -> tuple[str, list[Observation]]:
    """Check a whole file and return its layout and observations, or raise with every problem."""
    rows = _read_rows(path)
    layout, start = _detect(rows)
    problems: list[str] = []
    if layout == "long":
        code = indicator or indicator_code_from_path(path)
        observations = list(_long(rows, start, code.upper(), problems))
    else:
        observations = list(_wide(rows, start, problems))
        if indicator:
            observations = [o for o in observations if o.indicator_code == indicator.upper()]
    known = set(Indicator.objects.values_list("code", flat=True))
    for code in sorted({o.indicator_code for o in observations} - known):
        problems.append(
            gettext("Unknown indicator “%(code)s”: add it to indicators.csv or in the admin.")
            % {"code": code}
        )
    seen: dict[tuple[str, str, int], int] = {}
    for observation in observations:
        key = (observation.indicator_code, observation.area_code, observation.year)
        if key in seen:
            problems.append(
                gettext("line %(line)d: %(code)s %(year)d already given on line %(first)d.")
                % {
                    "line": observation.line,
                    "code": observation.area_code,
                    "year": observation.year,
                    "first": seen[key],
                }
            )
        seen.setdefault(key, observation.line)
    if problems:
        raise IndicatorFileError(problems)
    return layout, observations


def _store(indicator: Indicator, observations: Iterable[Observation], result: ImportResult) -> None:
    existing = {
        (area, year): value
        for area, year, value in indicator.values.values_list("area_code", "year", "value")
    }
    countries = dict(Country.objects.values_list("alpha3", "pk"))
    rows = []
    for observation in observations:
        key = (observation.area_code, observation.year)
        if key not in existing:
            result.created += 1
        elif existing[key] != observation.value:
            result.changed += 1
        else:
            result.unchanged += 1
            continue
        rows.append(
            IndicatorValue(
                indicator=indicator,
                area_code=observation.area_code,
                area_name=observation.area_name,
                is_aggregate=observation.area_code in WORLD_BANK_AGGREGATES,
                country_id=countries.get(observation.area_code),
                year=observation.year,
                value=observation.value,
            )
        )
    IndicatorValue.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["indicator", "area_code", "year"],
        update_fields=["area_name", "is_aggregate", "country", "value"],
    )


@transaction.atomic
def indicator_file_import(*, path: Path, actor: object = None, indicator: str = "") -> ImportResult:
    """Import one World Bank CSV file (either layout); idempotent."""
    layout, observations = indicator_file_read(path=path, indicator=indicator)
    result = ImportResult(layout=layout, rows=len(observations))
    by_code: dict[str, list[Observation]] = {}
    for observation in observations:
        by_code.setdefault(observation.indicator_code, []).append(observation)
    for code, items in sorted(by_code.items()):
        record = Indicator.objects.get(code=code)
        before = (result.created, result.changed)
        _store(record, items, result)
        Indicator.objects.filter(pk=record.pk).update(checked_on=timezone.localdate())
        audit_record(
            actor=actor,
            record=record,
            action="imported",
            changes={
                "file": path.name,
                "created": result.created - before[0],
                "changed": result.changed - before[1],
            },
        )
        result.indicators.append(code)
    return result
