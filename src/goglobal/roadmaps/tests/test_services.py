"""Generating, versioning and overriding roadmaps through the services, on the loaded
knowledge base."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from goglobal.core.errors import StaleRecordError
from goglobal.core.models import AuditEvent
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.knowledge.models import Country, NeedCode
from goglobal.roadmaps import services
from goglobal.roadmaps.models import Roadmap, RoadmapFigures
from goglobal.roadmaps.profiles import profile_of

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 1)


def _biotech(**kwargs):
    enterprise = EnterpriseFactory(**kwargs)
    EnterpriseNeedFactory(enterprise=enterprise, need=NeedCode.objects.get(code="fundraising.ipo"))
    enterprise.target_countries.set(Country.objects.filter(code__in=["SA", "US"]))
    return enterprise


def _figures(enterprise, **values):
    data = services.FiguresInput(
        expected_market_cap=values.get("cap"),
        market_cap_currency="HKD",
        core_product_stage=values.get("stage", ""),
        financials=values.get("years", []),
    )
    return services.figures_save(
        actor=None, enterprise=enterprise, seen_version=values.get("version"), data=data
    )


def test_the_profile_written_for_the_engine_holds_the_enterprise_and_its_figures():
    enterprise = _biotech()
    _figures(
        enterprise,
        cap=Decimal(2_500_000_000),
        stage="phase_2",
        years=[{"year": 2025, "currency": "HKD", "revenue": 0, "profit": -300_000_000}],
    )
    enterprise.refresh_from_db()
    profile = profile_of(enterprise, as_of=DAY)
    body = profile["enterprise"]
    assert profile["format"] == "goglobal-roadmap-profile/1"
    assert body["target_markets"] == ["SA", "US"]
    assert body["needs"] == ["fundraising.ipo"]
    assert body["core_product_stage"] == "phase_2"
    assert body["expected_market_cap"] == {"amount": 2_500_000_000, "currency": "HKD"}
    assert body["financials"][0]["profit"] == -300_000_000
    assert body["province"] == "上海市"


def test_a_roadmap_is_generated_with_every_part_and_stored_as_version_one():
    enterprise = _biotech()
    roadmap = services.roadmap_generate(actor=None, enterprise=enterprise, as_of=DAY)
    assert roadmap.number == 1
    result = roadmap.result
    assert result["format"] == "goglobal-roadmap/1"
    assert {r["route"] for r in result["listing_routes"]} >= {
        "main_board",
        "chapter_18a",
        "chapter_18c",
    }
    assert {s["step"] for s in result["mainland_steps"]} >= {
        "csrc_filing",
        "odi_filing",
        "foreign_debt_registration",
    }
    assert {m["market"] for m in result["markets"]} >= {"SA", "US"}
    assert AuditEvent.objects.filter(target_type="roadmaps.roadmap").count() == 1


def test_a_regeneration_after_a_profile_change_says_what_changed_and_why():
    enterprise = _biotech()
    services.roadmap_generate(actor=None, enterprise=enterprise, as_of=DAY)
    EnterpriseNeedFactory(enterprise=enterprise, need=NeedCode.objects.get(code="treasury.centre"))
    second = services.roadmap_generate(actor=None, enterprise=enterprise, as_of=DAY)
    assert second.number == 2
    [entry] = second.changes
    assert {"cause": "profile", "fields": ["needs"]} in entry["causes"]
    changed = {(c["part"], c["item"]) for c in entry["changes"]}
    assert ("functions", "treasury_centre") in changed


def test_nothing_is_stored_when_only_changes_are_asked_for_and_nothing_changed():
    enterprise = _biotech()
    services.roadmap_generate(actor=None, enterprise=enterprise, as_of=DAY)
    again = services.roadmap_generate(
        actor=None, enterprise=enterprise, as_of=DAY, only_if_changed=True
    )
    assert again is None
    assert Roadmap.objects.filter(enterprise=enterprise).count() == 1


def test_an_override_survives_regeneration_and_is_marked(officer):
    enterprise = _biotech()
    services.roadmap_generate(actor=officer, enterprise=enterprise, as_of=DAY)
    services.override_add(
        actor=officer,
        enterprise=enterprise,
        kind="decision",
        part="function",
        code="treasury_centre",
        value=True,
        note="Group treasury moves to Hong Kong in 2027",
    )
    regenerated = services.roadmap_generate(actor=officer, enterprise=enterprise)
    [function] = [f for f in regenerated.result["functions"] if f["function"] == "treasury_centre"]
    assert function["recommended"] is True
    assert function["override"]["note"].startswith("Group treasury")
    assert "computed" in function["override"]


def test_an_override_needs_a_note_and_an_item_that_is_in_the_roadmap(officer):
    enterprise = _biotech()
    services.roadmap_generate(actor=officer, enterprise=enterprise, as_of=DAY)
    with pytest.raises(ValidationError) as no_note:
        services.override_add(
            actor=officer,
            enterprise=enterprise,
            kind="decision",
            part="function",
            code="treasury_centre",
            value=True,
            note=" ",
        )
    assert "note" in no_note.value.message_dict
    with pytest.raises(ValidationError) as unknown:
        services.override_add(
            actor=officer,
            enterprise=enterprise,
            kind="decision",
            part="function",
            code="moon_base",
            value=True,
            note="why",
        )
    assert "code" in unknown.value.message_dict
    assert Roadmap.objects.filter(enterprise=enterprise).count() == 1


def test_a_stale_figures_save_is_refused_and_changes_nothing():
    enterprise = _biotech()
    first = _figures(enterprise, cap=Decimal(1))
    _figures(enterprise, cap=Decimal(2), version=first.version)
    with pytest.raises(StaleRecordError):
        _figures(enterprise, cap=Decimal(3), version=first.version)
    assert RoadmapFigures.objects.get(enterprise=enterprise).expected_market_cap == 2


def test_a_year_given_twice_is_refused():
    enterprise = _biotech()
    with pytest.raises(ValidationError):
        _figures(
            enterprise,
            years=[
                {"year": 2025, "currency": "HKD", "revenue": 1},
                {"year": 2025, "currency": "HKD", "revenue": 2},
            ],
        )
    assert not RoadmapFigures.objects.filter(enterprise=enterprise).exists()


def test_regenerating_all_stores_only_what_changed():
    first, second = _biotech(), _biotech()
    services.roadmap_generate(actor=None, enterprise=first)
    services.roadmap_generate(actor=None, enterprise=second)
    EnterpriseNeedFactory(enterprise=second, need=NeedCode.objects.get(code="treasury.centre"))
    counts = services.roadmaps_regenerate_all()
    assert counts == {"checked": 2, "regenerated": 1}
