"""Checks on the curated reference CSV files in ``goglobal/knowledge/data``.

Standard library + pytest only: no Django, no database. The two checks against the research
copies of GB/T 4754-2017 and ISIC Rev.4 skip when the ``shared`` folder (a sibling of the
repository root) is absent.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
REPO_ROOT = Path(__file__).resolve().parents[4]
SHARED = REPO_ROOT.parent / "shared"
GBT4754_FILE = SHARED / "data" / "gbt4754" / "gbt4754-2017.csv"
ISIC_FILE = SHARED / "data" / "isic" / "isic4-en.json"

NAME_COLUMNS = ("name_en", "name_zh_hans", "name_zh_hant")
HEADERS = {
    "sources.csv": ["key", "title", "url", "publisher", "kind"],
    "sectors.csv": [
        "code",
        "level",
        "section",
        *NAME_COLUMNS,
        "isic_codes",
        "source",
        "checked_on",
    ],
    "areas.csv": ["code", "level", "province", *NAME_COLUMNS, "source", "checked_on"],
    "countries.csv": ["code", "alpha3", "region", *NAME_COLUMNS, "source", "checked_on"],
    "market_groups.csv": ["code", *NAME_COLUMNS, "source", "checked_on"],
    "market_group_members.csv": [
        "group",
        "country",
        "joined_on",
        "left_on",
        "source",
        "checked_on",
    ],
    "indicators.csv": [
        "code",
        "sort_order",
        *NAME_COLUMNS,
        "unit",
        "source",
        "checked_on",
    ],
    "agreements.csv": [
        "code",
        "kind",
        "status",
        *NAME_COLUMNS,
        "negotiations_started_on",
        "signed_on",
        "in_force_on",
        "is_verified",
        "note",
        "source",
        "second_source",
        "checked_on",
    ],
    "agreement_parties.csv": ["agreement", "country", "source", "checked_on"],
    "offices.csv": [
        "code",
        "kind",
        "status",
        "country",
        "city_en",
        *NAME_COLUMNS,
        "opened_on",
        "is_verified",
        "source",
        "second_source",
        "checked_on",
    ],
    "needs.csv": [
        "code",
        "sort_order",
        *NAME_COLUMNS,
        "description_en",
        "description_zh_hans",
        "description_zh_hant",
        "source",
        "checked_on",
    ],
}
NAMED_FILES = [name for name, header in HEADERS.items() if "name_en" in header]
SOURCED_FILES = [name for name, header in HEADERS.items() if "source" in header]
UNIQUE_KEYS = {
    "sources.csv": ("key",),
    "sectors.csv": ("code",),
    "areas.csv": ("code",),
    "countries.csv": ("code",),
    "market_groups.csv": ("code",),
    "market_group_members.csv": ("group", "country"),
    "needs.csv": ("code",),
    "indicators.csv": ("code",),
    "agreements.csv": ("code",),
    "agreement_parties.csv": ("agreement", "country"),
    "offices.csv": ("code",),
}
NEED_CODES = [
    "fundraising.ipo",
    "fundraising.private_capital",
    "fundraising.debt",
    "hq.regional",
    "treasury.centre",
    "rnd.hub",
    "supply_chain.centre",
    "legal.setup",
    "tax.planning",
    "banking.accounts",
    "ip.protection",
    "talent.mobility",
    "logistics.trade",
    "market_entry.partners",
    "risk.insurance",
    "compliance.trade",
]
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


@cache
def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def rows(name: str) -> list[dict[str, str]]:
    return read(name)[1]


def split(value: str) -> list[str]:
    return [part for part in value.split(";") if part]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header(name: str) -> None:
    assert read(name)[0] == HEADERS[name]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_bom_and_no_blank_cells_in_keys(name: str) -> None:
    assert not (DATA / name).read_bytes().startswith(b"\xef\xbb\xbf")
    for row in rows(name):
        assert all(row[key].strip() for key in UNIQUE_KEYS[name]), row


@pytest.mark.parametrize("name", sorted(UNIQUE_KEYS))
def test_keys_unique(name: str) -> None:
    keys = Counter(tuple(row[k] for k in UNIQUE_KEYS[name]) for row in rows(name))
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize("name", SOURCED_FILES)
def test_every_source_exists(name: str) -> None:
    known = {row["key"] for row in rows("sources.csv")}
    assert {row["source"] for row in rows(name)} - known == set()


@pytest.mark.parametrize("name", SOURCED_FILES)
def test_checked_on_is_iso_date(name: str) -> None:
    for row in rows(name):
        dt.date.fromisoformat(row["checked_on"])


def test_sources_have_title_and_publisher() -> None:
    for row in rows("sources.csv"):
        assert row["title"].strip(), row
        assert row["publisher"].strip(), row
        assert row["url"] == "" or row["url"].startswith("https://"), row


@pytest.mark.parametrize("name", NAMED_FILES)
def test_names_present_in_three_languages(name: str) -> None:
    for row in rows(name):
        assert all(row[column].strip() for column in NAME_COLUMNS), row


# --- sectors -------------------------------------------------------------------------------


def test_sectors_cover_gbt4754_2017() -> None:
    sections = [row["code"] for row in rows("sectors.csv") if row["level"] == "section"]
    divisions = [row["code"] for row in rows("sectors.csv") if row["level"] == "division"]
    assert sections == [chr(c) for c in range(ord("A"), ord("T") + 1)]
    assert len(divisions) == 97
    assert all(len(code) == 2 and code.isdigit() for code in divisions)
    assert {row["level"] for row in rows("sectors.csv")} == {"section", "division"}


def test_every_division_has_its_section() -> None:
    sections = {row["code"] for row in rows("sectors.csv") if row["level"] == "section"}
    for row in rows("sectors.csv"):
        if row["level"] == "section":
            assert row["section"] == "", row
        else:
            assert row["section"] in sections, row


def test_isic_codes_shaped_and_consistent() -> None:
    """Sections list ISIC section letters; divisions list two-digit ISIC divisions."""
    for row in rows("sectors.csv"):
        codes = split(row["isic_codes"])
        assert codes, row
        if row["level"] == "section":
            assert all(len(c) == 1 and c.isalpha() and c.isupper() for c in codes), row
        else:
            assert all(len(c) == 2 and c.isdigit() for c in codes), row


def test_simplified_and_traditional_differ() -> None:
    sector_rows = rows("sectors.csv")
    differ = sum(row["name_zh_hans"] != row["name_zh_hant"] for row in sector_rows)
    assert differ >= 0.9 * len(sector_rows)


def test_sector_names_match_official_standard() -> None:
    if not GBT4754_FILE.is_file():
        pytest.skip(f"{GBT4754_FILE} not available")
    with GBT4754_FILE.open(encoding="utf-8", newline="") as handle:
        official = {
            row["code"]: (row["name_zh"], row["section"])
            for row in csv.DictReader(handle)
            if row["level"] in {"1", "2"}
        }
    ours = {row["code"]: row for row in rows("sectors.csv")}
    assert set(ours) == set(official)
    for code, (name, section) in official.items():
        assert ours[code]["name_zh_hans"] == name, code
        if ours[code]["level"] == "division":
            assert ours[code]["section"] == section, code


def test_isic_codes_exist() -> None:
    if not ISIC_FILE.is_file():
        pytest.skip(f"{ISIC_FILE} not available")
    data = json.loads(ISIC_FILE.read_text(encoding="utf-8"))
    section_of = {
        division["division"]: section["section"].upper()
        for section in data["sections"]
        for division in section["divisions"]
    }
    isic_sections = set(section_of.values())
    by_section: dict[str, set[str]] = {}
    for row in rows("sectors.csv"):
        codes = split(row["isic_codes"])
        if row["level"] == "section":
            assert set(codes) <= isic_sections, row
        else:
            assert set(codes) <= set(section_of), row
            by_section.setdefault(row["section"], set()).update(section_of[c] for c in codes)
    # A section's ISIC letters are exactly those of its divisions' ISIC divisions.
    for row in rows("sectors.csv"):
        if row["level"] == "section":
            assert set(split(row["isic_codes"])) == by_section[row["code"]], row["code"]


# --- administrative areas ------------------------------------------------------------------


def test_provinces() -> None:
    provinces = [row for row in rows("areas.csv") if row["level"] == "province"]
    assert len(provinces) == 31
    for row in provinces:
        assert len(row["code"]) == 6, row
        assert row["code"].isdigit(), row
        assert row["code"].endswith("0000"), row
        assert row["province"] == ""
    codes = {row["code"] for row in provinces}
    assert codes >= MUNICIPALITIES
    assert not codes & {"710000", "810000", "820000"}  # Taiwan, Hong Kong, Macao


def test_cities_belong_to_their_province() -> None:
    provinces = {row["code"] for row in rows("areas.csv") if row["level"] == "province"}
    cities = [row for row in rows("areas.csv") if row["level"] == "city"]
    assert len(cities) >= 100
    assert {row["level"] for row in rows("areas.csv")} == {"province", "city"}
    for row in cities:
        assert len(row["code"]) == 6, row
        assert row["code"].isdigit(), row
        assert row["code"].endswith("00"), row
        assert not row["code"].endswith("0000"), row
        assert row["province"] in provinces, row
        assert row["province"] not in MUNICIPALITIES, row
        assert row["code"][:2] == row["province"][:2], row


# --- countries and market groups -----------------------------------------------------------


def test_countries() -> None:
    countries = rows("countries.csv")
    assert len(countries) == 249
    regions = {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    for row in countries:
        assert len(row["code"]) == 2, row
        assert row["code"].isupper(), row
        assert len(row["alpha3"]) == 3, row
        assert row["alpha3"].isupper(), row
        assert row["region"] in regions or (row["code"] == "AQ" and row["region"] == ""), row
    assert len({row["alpha3"] for row in countries}) == len(countries)
    assert {"CN", "HK", "MO", "TW"} <= {row["code"] for row in countries}


def test_group_members_are_known() -> None:
    countries = {row["code"] for row in rows("countries.csv")}
    groups = {row["code"] for row in rows("market_groups.csv")}
    assert groups == {"asean", "gcc", "rcep", "apec", "eu", "bri", "gba"}
    for row in rows("market_group_members.csv"):
        assert row["group"] in groups, row
        assert row["country"] in countries, row


def test_membership_dates() -> None:
    for row in rows("market_group_members.csv"):
        joined = dt.date.fromisoformat(row["joined_on"]) if row["joined_on"] else None
        left = dt.date.fromisoformat(row["left_on"]) if row["left_on"] else None
        if joined and left:
            assert joined < left, row


def test_known_member_counts() -> None:
    members = Counter(row["group"] for row in rows("market_group_members.csv"))
    current = Counter(
        row["group"] for row in rows("market_group_members.csv") if not row["left_on"]
    )
    assert members["asean"] == 11
    assert members["gcc"] == 6
    assert members["rcep"] == 15
    assert members["apec"] == 21
    assert current["eu"] == 27


# --- needs ---------------------------------------------------------------------------------


def test_needs_codes_and_order() -> None:
    needs = rows("needs.csv")
    assert [row["code"] for row in needs] == NEED_CODES
    orders = [int(row["sort_order"]) for row in needs]
    assert orders == sorted(orders)
    assert len(set(orders)) == len(orders)
    for row in needs:
        for column in ("description_en", "description_zh_hans", "description_zh_hant"):
            assert row[column].strip(), (row["code"], column)
