"""The message table, the text rendering, the diff and profile validation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from goglobal.engines.roadmap import (
    MESSAGES,
    ProfileError,
    build_roadmap,
    diff,
    parse_profile,
    render,
)
from goglobal.engines.roadmap.tests.kb import shipped

JUDGED = json.loads(Path(__file__).with_name("judged.json").read_text(encoding="utf-8"))


def _docs() -> list[dict[str, Any]]:
    snapshot = shipped()
    return [
        build_roadmap(parse_profile(case["profile"], today=date(2026, 12, 2)), snapshot).to_json()
        for case in JUDGED["cases"]
    ]


def _codes(doc: dict[str, Any]) -> set[str]:
    found = set()
    for section in ("listing_routes", "mainland_steps", "functions", "markets", "schemes"):
        for item in doc[section]:
            for key in ("reasons", "conditions"):
                found |= {reason[0] for reason in item.get(key, [])}
    return found | {reason[0] for reason in doc["notes"]}


def test_every_code_the_engine_emits_has_three_languages() -> None:
    emitted = set().union(*(_codes(doc) for doc in _docs()))
    assert emitted - set(MESSAGES) == set()
    for code, texts in MESSAGES.items():
        assert all(texts), code
        assert texts[1].endswith("。"), code
        assert texts[2].endswith("。"), code


def test_render_formats_amounts_and_dates_per_language() -> None:
    reason = [
        "rule.temporary",
        {
            "value_hkd": 4_000_000_000,
            "standing_hkd": 6_000_000_000,
            "since": "2024-09-01",
            "until": "2027-08-31",
            "rule": "x",
        },
    ]
    assert "HK$4 billion" in render(reason, "en")
    assert "1 September 2024" in render(reason, "en")
    assert "40亿港元" in render(reason, "zh-hans")
    assert "60億港元" in render(reason, "zh-hant")
    assert "2027年8月31日" in render(reason, "zh-hant")
    assert render(["no.such.code", {}], "en") == "no.such.code"


def test_text_in_three_languages() -> None:
    case = JUDGED["cases"][0]["profile"]
    roadmap = build_roadmap(parse_profile(case, today=date(2026, 12, 2)), shipped())
    assert "Listing routes" in roadmap.text("en")
    assert "上市途径" in roadmap.text("zh-hans")
    assert "上市途徑" in roadmap.text("zh-hant")
    assert json.dumps(roadmap.to_json("zh-hant"), ensure_ascii=False)


def test_diff_says_what_changed_and_why_when_the_temporary_rule_ends() -> None:
    case = next(c for c in JUDGED["cases"] if c["id"] == "j09-18c-commercial-temporary")
    before = build_roadmap(parse_profile(case["profile"], today=date(2026, 12, 2)), shipped())
    later = dict(case["profile"], as_of="2027-09-01")
    after = build_roadmap(parse_profile(later, today=date(2026, 12, 2)), shipped())
    changes = diff(before.to_json(), after.to_json())
    route = next(
        c for c in changes if c.get("item") == "chapter_18c" and c.get("field") == "eligible"
    )
    assert (route["old"], route["new"]) == (True, False)
    assert changes[0] == {"section": "as_of", "old": "2026-12-02", "new": "2027-09-01"}
    assert diff(before.to_json(), before.to_json()) == []


@pytest.mark.parametrize(
    ("enterprise", "where"),
    [
        ({"sector": "27", "needs": []}, "enterprise.name_en"),
        ({"name_en": "x", "sector": "999", "needs": []}, "enterprise.sector"),
        ({"name_en": "x", "sector": "27", "needs": ["IPO!"]}, "enterprise.needs[0]"),
        (
            {"name_en": "x", "sector": "27", "needs": [], "listing_status": "listed"},
            "enterprise.listing_status",
        ),
        (
            {"name_en": "x", "sector": "27", "needs": [], "core_product_stage": "phase_4"},
            "enterprise.core_product_stage",
        ),
        (
            {
                "name_en": "x",
                "sector": "27",
                "needs": [],
                "expected_market_cap": {"amount": -1, "currency": "HKD"},
            },
            "enterprise.expected_market_cap.amount",
        ),
        (
            {
                "name_en": "x",
                "sector": "27",
                "needs": [],
                "expected_market_cap": {"amount": 1, "currency": "dollars"},
            },
            "enterprise.expected_market_cap.currency",
        ),
        (
            {
                "name_en": "x",
                "sector": "27",
                "needs": [],
                "financials": [
                    {"year": 2025, "currency": "HKD"},
                    {"year": 2025, "currency": "HKD"},
                ],
            },
            "enterprise.financials[1].year",
        ),
        (
            {
                "name_en": "x",
                "sector": "27",
                "needs": [],
                "financials": [{"year": 2025, "currency": "HKD", "revenue": True}],
            },
            "enterprise.financials[0].revenue",
        ),
        (
            {"name_en": "x", "sector": "27", "needs": [], "listing": {"exchange": "sgx"}},
            "enterprise.listing.exchange",
        ),
        (
            {
                "name_en": "x",
                "sector": "27",
                "needs": [],
                "listing": {"weighted_voting_rights": "yes"},
            },
            "enterprise.listing.weighted_voting_rights",
        ),
    ],
)
def test_validation_names_the_field(enterprise: dict[str, Any], where: str) -> None:
    data = {"format": "goglobal-roadmap-profile/1", "enterprise": enterprise}
    with pytest.raises(ProfileError) as error:
        parse_profile(data, today=date(2026, 12, 2))
    assert error.value.where == where


def test_unknown_fields_are_listed_not_fatal_and_as_of_defaults_to_today() -> None:
    data = {
        "format": "goglobal-roadmap-profile/1",
        "extra": 1,
        "enterprise": {"name_en": "x", "sector": "27", "needs": [], "employees": 50},
    }
    profile = parse_profile(data, today=date(2026, 12, 2))
    assert profile.as_of == date(2026, 12, 2)
    assert profile.ignored == ("extra", "enterprise.employees")
    doc = build_roadmap(profile, shipped()).to_json()
    assert doc["notes"] == [["profile.ignored", {"fields": ["extra", "enterprise.employees"]}]]


def test_every_item_of_every_judged_roadmap_names_facts_that_are_in_the_document() -> None:
    for doc in _docs():
        for section in (
            "listing_routes",
            "mainland_steps",
            "functions",
            "markets",
            "schemes",
            "steps",
        ):
            for item in doc[section]:
                assert item["facts"], (section, item)
                assert set(item["facts"]) <= set(doc["facts"]), (section, item)
        for fact in doc["facts"].values():
            date.fromisoformat(fact["checked_on"])
            assert fact["source"]["title"]
