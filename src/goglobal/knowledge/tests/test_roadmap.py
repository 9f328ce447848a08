"""The roadmap on the loaded knowledge base: the snapshot, traceability, the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goglobal.cli import main as goglobal_main
from goglobal.engines.roadmap import build_roadmap, parse_profile
from goglobal.knowledge.services.snapshot import snapshot_build

pytestmark = pytest.mark.django_db
JUDGED = Path(__file__).resolve().parents[2] / "engines" / "roadmap" / "tests" / "judged.json"
SECTIONS = ("listing_routes", "mainland_steps", "functions", "markets", "schemes", "steps")
EXAMPLE = {
    "format": "goglobal-roadmap-profile/1",
    "as_of": "2026-12-01",
    "enterprise": {
        "name_zh_hans": "苏州示例生物",
        "name_en": "Suzhou Example Bio",
        "province": "江苏省",
        "city": "苏州市",
        "sector": "27",
        "ownership": "private",
        "listing_status": "unlisted",
        "target_markets": ["US", "SA"],
        "needs": ["fundraising.ipo", "hq.regional", "treasury.centre", "fundraising.debt"],
        "core_product_stage": "phase_2",
        "expected_market_cap": {"amount": 2500000000, "currency": "HKD"},
        "financials": [
            {
                "year": 2025,
                "currency": "HKD",
                "revenue": 0,
                "profit": -300000000,
                "operating_cash_flow": -280000000,
                "operating_expense": 350000000,
                "rnd_expense": 280000000,
            }
        ],
    },
}


def _profiles() -> list[dict]:
    cases = json.loads(JUDGED.read_text(encoding="utf-8"))["cases"] if JUDGED.exists() else []
    return [EXAMPLE, *[case["profile"] for case in cases]]


def test_snapshot_reads_the_knowledge_base_in_a_few_queries() -> None:
    with CaptureQueriesContext(connection) as queries:
        snapshot = snapshot_build(as_of=date(2026, 12, 2))
    assert len(queries) <= 12
    assert snapshot.rule("hkex.18c.commercial_market_cap", date(2026, 12, 2)).value == 4_000_000_000
    assert any(agreement.code == "fta-asean" for agreement in snapshot.agreements)
    assert any(
        function.code == "treasury-centre" and function.steps for function in snapshot.functions
    )


def test_every_claim_names_facts_with_a_source_and_checked_date() -> None:
    snapshot = snapshot_build()
    for data in _profiles():
        doc = build_roadmap(parse_profile(data, today=date(2026, 12, 2)), snapshot).to_json()
        facts = doc["facts"]
        for section in SECTIONS:
            for item in doc[section]:
                assert item["facts"], (section, item)
                assert all(fact in facts for fact in item["facts"]), (section, item)
                with_address = [fact for fact in item["facts"] if facts[fact]["source"]["url"]]
                if section == "steps" and not with_address:
                    # Known gap: process outlines written by the team have no address yet.
                    publishers = {facts[fact]["source"]["publisher"] for fact in item["facts"]}
                    assert publishers == {"GoGlobal Connect"}, (item, publishers)
                    continue
                assert with_address, (section, item, "no fact with a source address")
        for fact_id, fact in facts.items():
            date.fromisoformat(fact["checked_on"])
            assert fact["source"]["title"], fact_id
            assert fact["statement"], fact_id


def test_command_prints_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert goglobal_main(["roadmap", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "goglobal-roadmap/1"
    routes = {route["route"]: route["eligible"] for route in doc["listing_routes"]}
    assert routes == {"main_board": False, "chapter_18a": True, "chapter_18c": False}
    assert goglobal_main(["roadmap", str(path), "--lang", "zh-hant"]) == 0
    text = capsys.readouterr().out
    assert "上市途徑" in text
    assert "。" in text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"format": "x"}, "format"),
        ({"as_of": "2026-13-01"}, "as_of"),
        ({"enterprise": {"name_en": "x", "needs": []}}, "enterprise.sector"),
        ({"enterprise": {"name_en": "x", "sector": "27"}}, "enterprise.needs"),
        (
            {"enterprise": {"name_en": "x", "sector": "27", "needs": [], "ownership": "public"}},
            "enterprise.ownership",
        ),
        (
            {
                "enterprise": {
                    "name_en": "x",
                    "sector": "27",
                    "needs": [],
                    "financials": [{"year": 2025}],
                }
            },
            "enterprise.financials[0].currency",
        ),
        (
            {
                "enterprise": {
                    "name_en": "x",
                    "sector": "27",
                    "needs": [],
                    "expected_market_cap": {"amount": "lots", "currency": "HKD"},
                }
            },
            "enterprise.expected_market_cap.amount",
        ),
        (
            {
                "enterprise": {
                    "name_en": "x",
                    "sector": "27",
                    "needs": [],
                    "target_markets": ["Saudi"],
                }
            },
            "enterprise.target_markets[0]",
        ),
    ],
)
def test_command_names_the_bad_field_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict, field: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**EXAMPLE, **change}), encoding="utf-8")
    assert goglobal_main(["roadmap", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"roadmap: error: {field}:"), error
    assert "Traceback" not in error


def test_command_on_a_missing_or_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert goglobal_main(["roadmap", str(tmp_path / "none.json")]) == 2
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert goglobal_main(["roadmap", str(tmp_path / "broken.json")]) == 2
    assert "not JSON" in capsys.readouterr().err
