"""The shipped facts keep their promises: sourced, dated, official where they say "verified",
and every count the data or the templates quote is the number of rows.

Standard library + pytest only (no database), like ``test_reference_files``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
TEMPLATES = Path(__file__).resolve().parents[2]
KINDS = {"official", "secondary", "internal"}
FLAGS = {"yes", "no"}
# Files whose rows claim nothing beyond their source, so carry no ``is_verified`` flag; a row
# there that rests only on a secondary source must say so in its note (if the file has notes).
NO_FLAG_NOTE = "secondary source"
# Written words for the numbers a text might quote.
WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def sources() -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in rows("sources.csv")}


def sourced_files() -> list[str]:
    names = []
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        if "source" in header and "checked_on" in header:
            names.append(path.name)
    return names


def _kind(key: str) -> str:
    return sources()[key]["kind"] if key else ""


def _official(row: dict[str, str]) -> bool:
    return "official" in {_kind(row["source"]), _kind(row.get("second_source") or "")}


# --- sources ---------------------------------------------------------------------------------


def test_every_source_has_a_kind() -> None:
    for row in rows("sources.csv"):
        assert row["kind"] in KINDS, row["key"]


def test_external_sources_have_an_address_or_say_why_not() -> None:
    """An official or secondary source without an address says so in its title."""
    for row in rows("sources.csv"):
        if row["kind"] != "internal" and not row["url"]:
            assert any(
                word in row["title"] for word in ("without address", "Order No.", "No. 11")
            ), row["key"]


def test_sources_known_to_be_reports_are_not_called_official() -> None:
    hosts = ("wikipedia.org", "mondaq.com", "charlton", "onc.hk", "dimsumdaily", "webnewswire")
    for row in rows("sources.csv"):
        if any(host in row["url"] for host in hosts):
            assert row["kind"] == "secondary", row["key"]


# --- every row -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sourced_files())
def test_every_row_has_a_known_source_and_a_checked_date(name: str) -> None:
    today = dt.datetime.now(tz=dt.UTC).date()
    for row in rows(name):
        assert row["source"] in sources(), (name, row)
        second = row.get("second_source") or ""
        assert second == "" or second in sources(), (name, row)
        assert second != row["source"], (name, row)
        checked = dt.date.fromisoformat(row["checked_on"])
        assert dt.date(2020, 1, 1) <= checked <= today, (name, row)


@pytest.mark.parametrize("name", sourced_files())
def test_no_verified_fact_rests_only_on_a_secondary_source(name: str) -> None:
    for row in rows(name):
        if "is_verified" in row:
            assert row["is_verified"] in FLAGS, (name, row)
            if row["is_verified"] == "yes":
                assert _official(row) or _kind(row["source"]) == "internal", (name, row)
        elif not _official(row) and _kind(row["source"]) == "secondary":
            parent = _parent_flag(name, row)
            if parent is not None:
                assert parent == "no", (name, row)
            else:
                assert NO_FLAG_NOTE in row.get("note", "").lower(), (name, row)


# A row that belongs to a flagged parent (the markets an agreement covers) is as verified as it.
PARENTS = {"agreement_parties.csv": ("agreements.csv", "agreement", "code")}


def _parent_flag(name: str, row: dict[str, str]) -> str | None:
    if name not in PARENTS:
        return None
    parent_file, column, key = PARENTS[name]
    flags = {parent[key]: parent["is_verified"] for parent in rows(parent_file)}
    return flags[row[column]]


# --- agreements ------------------------------------------------------------------------------


@pytest.mark.parametrize("row", rows("agreements.csv"), ids=lambda row: row["code"])
def test_every_agreement_has_a_status_and_in_force_a_date(row: dict[str, str]) -> None:
    assert row["status"] in {"negotiating", "signed", "in_force"}
    if row["status"] == "in_force" and not row["in_force_on"]:
        # Only an unverified row may lack the date, and it says it was not read.
        assert row["is_verified"] == "no"
        assert "not read" in row["note"] or "not recorded" in row["note"], row["code"]
    if row["in_force_on"]:
        assert row["status"] == "in_force", row["code"]


# --- counts ----------------------------------------------------------------------------------


def _agreements(kind: str, *, foreign_only: bool = False) -> int:
    return sum(
        1
        for row in rows("agreements.csv")
        if row["kind"] == kind and not (foreign_only and row["code"].endswith("-cepa"))
    )


def _overseas_etos() -> int:
    return sum(
        1
        for row in rows("offices.csv")
        if row["kind"] == "eto" and row["status"] == "open" and row["country"] != "CN"
    )


def _mainland_offices() -> int:
    return sum(1 for row in rows("offices.csv") if row["country"] == "CN")


def _gba_cities() -> int:
    return sum(1 for row in rows("market_group_areas.csv") if row["group"] == "gba")


# A phrase that quotes a count → what the count must equal. Published counts of a different
# moment (the "14 ETOs" of a November 2025 release, before Kuala Lumpur) live in source titles
# and notes of that date, which these patterns do not match.
COUNTED = [
    (
        re.compile(r"\b(\d+|[a-z]+) (?:investment agreements|IPPAs)\b"),
        lambda: _agreements("ippa", foreign_only=True),
    ),
    (
        re.compile(
            r"\b(\d+|[a-z]+) (?:comprehensive double taxation agreements|CDTAs|tax treaties)\b"
        ),
        lambda: _agreements("cdta"),
    ),
    (re.compile(r"\b(\d+|[a-z]+) (?:free trade agreements|FTAs)\b"), lambda: _agreements("fta")),
    (re.compile(r"\b(\d+|[a-z]+) overseas (?:ETOs|Economic and Trade Offices)\b"), _overseas_etos),
    (re.compile(r"\b(\d+|[a-z]+) Mainland Offices\b", re.IGNORECASE), _mainland_offices),
    (re.compile(r"\b(\d+|[a-z]+) (?:Guangdong )?cities\b"), _gba_cities),
]
# Texts that quote counts: every text column of the data files, and the templates.
DATED_COLUMNS = {"title"}  # a source's title names what the page said on its day


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return WORDS.get(text.lower())


def _texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted(DATA.glob("*.csv")):
        for index, row in enumerate(rows(path.name)):
            for column, value in row.items():
                if column in DATED_COLUMNS or column.startswith(("name_", "title_")):
                    continue
                if column.startswith(("note", "text_en", "summary_en", "criteria_en")):
                    texts.append((f"{path.name}[{index}].{column}", value or ""))
    for path in sorted(TEMPLATES.glob("*/templates/**/*.html")):
        texts.append((str(path.relative_to(TEMPLATES)), path.read_text(encoding="utf-8")))
    return texts


def test_every_count_quoted_is_the_number_of_rows() -> None:
    wrong = []
    for where, text in _texts():
        for pattern, count in COUNTED:
            for match in pattern.finditer(text):
                quoted = _number(match.group(1))
                if quoted is not None and quoted != count():
                    wrong.append((where, match.group(0), count()))
    assert wrong == []


def test_the_published_counts_are_the_rows() -> None:
    """The figures the official pages give: TID counts 24 IPPAs with foreign economies; the
    Greater Bay Area is nine Guangdong cities with Hong Kong and Macao."""
    assert _agreements("ippa", foreign_only=True) == 24
    assert _gba_cities() == 9
    gba = {row["country"] for row in rows("market_group_members.csv") if row["group"] == "gba"}
    assert gba == {"HK", "MO"}
    assert _mainland_offices() == 5
