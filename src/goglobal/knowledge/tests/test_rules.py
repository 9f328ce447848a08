"""Rules in force on a date: the shipped file, the loader, one-query selectors, history, page."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goglobal.knowledge.models import RuleValue
from goglobal.knowledge.services.exchange import knowledge_export, knowledge_import
from goglobal.knowledge.services.rules import COLUMNS, rule_in_force, rules_in_force

DATA = Path(__file__).resolve().parents[1] / "data"
OFFICIAL_HOSTS = (
    "hkex.com.hk",
    "hkexen.thomsonreuters.com",
    "gov.hk",
    "csrc.gov.cn",
    "ndrc.gov.cn",
    "mofcom.gov.cn",
)


def _rows() -> list[dict[str, str]]:
    with (DATA / "rules.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sources() -> dict[str, dict[str, str]]:
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


# --- the shipped file (no database) --------------------------------------------------------


def test_file_header_and_keys() -> None:
    with (DATA / "rules.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    keys = [(row["code"], row["effective_from"]) for row in _rows()]
    assert len(keys) == len(set(keys))


def test_every_row_is_sourced_dated_and_explained() -> None:
    sources = _sources()
    for row in _rows():
        assert row["source"] in sources, row
        dt.date.fromisoformat(row["checked_on"])
        start = dt.date.fromisoformat(row["effective_from"])
        if row["effective_to"]:
            assert dt.date.fromisoformat(row["effective_to"]) >= start, row
        assert all(row[name] for name in ("text_en", "text_zh_hans", "text_zh_hant")), row
        if row["data"]:
            json.loads(row["data"])
        if row["is_verified"] == "yes":
            url = sources[row["source"]]["url"]
            assert any(host in url for host in OFFICIAL_HOSTS), (row["code"], url)
        else:
            assert row["note"], f"{row['code']}: an unverified row says why"


def test_standing_values_do_not_overlap() -> None:
    """Within a code, only a temporary row may overlap another; standing rows follow on."""
    by_code: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows():
        if row["is_temporary"] != "yes":
            by_code[row["code"]].append(row)
    for code, rows in by_code.items():
        rows.sort(key=lambda row: row["effective_from"])
        for earlier, later in itertools.pairwise(rows):
            assert earlier["effective_to"], f"{code}: an older value is closed, not overwritten"
            end = dt.date.fromisoformat(earlier["effective_to"])
            assert end + dt.timedelta(days=1) == dt.date.fromisoformat(later["effective_from"])
    for row in _rows():
        if row["is_temporary"] == "yes":
            assert row["effective_to"], f"{row['code']}: a temporary rule has an end"


# --- selectors -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "day", "expected"),
    [
        ("hkex.mb.profit_latest_year", "2021-12-31", 20_000_000),
        ("hkex.mb.profit_latest_year", "2022-01-01", 35_000_000),
        ("hkex.mb.profit_two_preceding_years", "2021-12-31", 30_000_000),
        ("hkex.mb.profit_two_preceding_years", "2022-01-01", 45_000_000),
        ("hkex.18c.commercial_market_cap", "2023-03-30", None),
        ("hkex.18c.commercial_market_cap", "2023-03-31", 6_000_000_000),
        ("hkex.18c.commercial_market_cap", "2024-08-31", 6_000_000_000),
        ("hkex.18c.commercial_market_cap", "2024-09-01", 4_000_000_000),
        ("hkex.18c.commercial_market_cap", "2027-08-31", 4_000_000_000),
        ("hkex.18c.commercial_market_cap", "2027-09-01", 6_000_000_000),
        ("hkex.18c.pre_commercial_market_cap", "2026-12-02", 8_000_000_000),
        ("hkex.18c.pre_commercial_market_cap", "2027-09-01", 10_000_000_000),
        ("hkex.19c.no_wvr.a.market_cap", "2021-12-31", None),
        ("hkex.19c.no_wvr.a.market_cap", "2022-01-01", 3_000_000_000),
        ("newcies.net_assets_period_months", "2025-02-28", 24),
        ("newcies.net_assets_period_months", "2025-03-01", 6),
        ("tax.profits.unincorporated.first_tier_rate", "2026-12-02", Decimal("7.5")),
        ("tax.ctc.concession_rate", "2026-12-02", Decimal("8.25")),
    ],
)
def test_rule_in_force_on_a_day(code: str, day: str, expected: object) -> None:
    row = rule_in_force(code, on=dt.date.fromisoformat(day))
    if expected is None:
        assert row is None
    else:
        assert row is not None
        assert row.value == expected


@pytest.mark.django_db
def test_rules_in_force_is_one_query() -> None:
    with CaptureQueriesContext(connection) as queries:
        rules = rules_in_force(on=dt.date(2026, 12, 2))
    assert len(queries) == 1
    assert rules["hkex.18c.commercial_market_cap"].value == 4_000_000_000
    assert rules["hkex.18c.commercial_market_cap"].is_temporary
    assert rules["hkex.mb.profit_latest_year"].value == 35_000_000
    assert rules["hkex.18c.commercial_market_cap"].source.url


@pytest.mark.django_db
def test_history_is_kept_and_load_is_idempotent() -> None:
    from goglobal.knowledge.services import reference_data_load

    before = RuleValue.objects.count()
    reference_data_load()
    assert RuleValue.objects.count() == before == len(_rows())
    history = RuleValue.objects.filter(code="hkex.mb.profit_latest_year").order_by("effective_from")
    assert [row.value for row in history] == [20_000_000, 35_000_000]
    assert history[0].effective_to == dt.date(2021, 12, 31)


@pytest.mark.django_db
def test_export_import_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "knowledge.json"
    counts = knowledge_export(path=path)
    assert counts["rules"] == RuleValue.objects.count()
    document = json.loads(path.read_text(encoding="utf-8"))
    temporary = [
        row for row in document["rules"] if row["code"] == "hkex.18c.commercial_market_cap"
    ]
    assert {row["value"] for row in temporary} == {"6000000000", "4000000000"}
    assert knowledge_import(path=path)["rules"] == 0
    RuleValue.objects.filter(code="tax.ctc.concession_rate").delete()
    assert knowledge_import(path=path)["rules"] == 1
    assert rule_in_force("tax.ctc.concession_rate", on=dt.date(2026, 12, 2)) is not None


# --- the page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_page_shows_temporary_and_standing_values_while_the_temporary_rule_runs(
    client, officer
) -> None:
    client.force_login(officer)
    page = client.get(reverse("knowledge:rules"), {"on": "2026-12-02"}).content.decode()
    assert "HK$4 billion" in page
    assert "HK$6 billion" in page
    assert "Suspended while the temporary rule runs:" in page

    after = client.get(reverse("knowledge:rules"), {"on": "2027-09-01"}).content.decode()
    section = after.split('id="hkex.18c.commercial_market_cap"')[1].split("</section>")[0]
    assert "Suspended while the temporary rule runs:" not in section
    assert "at least HK$6 billion" in section.split("<details>")[0]


@pytest.mark.django_db
def test_page_requires_login(client) -> None:
    assert client.get(reverse("knowledge:rules")).status_code == 302


@pytest.mark.django_db
def test_fact_page_of_a_temporary_rule_shows_the_standing_value_too(client, officer) -> None:
    client.force_login(officer)
    temporary = RuleValue.objects.get(
        code="hkex.18c.commercial_market_cap", effective_from=dt.date(2024, 9, 1)
    )
    page = client.get(reverse("knowledge:fact", args=["rule", temporary.pk])).content.decode()
    assert "HK$4 billion" in page
    assert "Suspended while the temporary rule runs:" in page
    assert "HK$6 billion" in page
    listed = client.get(reverse("knowledge:stale"), {"all": "1", "kind": "rule"}).content.decode()
    assert "hkex.18c.commercial_market_cap" in listed
