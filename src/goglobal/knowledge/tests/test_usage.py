"""Source kinds, second sources, where facts are used, and the report sorted by dependence."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from goglobal.knowledge import selectors, usage
from goglobal.knowledge.models import (
    Agreement,
    MarketGroup,
    Office,
    Source,
    TaskForce,
)

pytestmark = pytest.mark.django_db


def test_loader_reads_source_kinds_second_sources_and_new_facts() -> None:
    assert Source.objects.get(key="tid-ippa").kind == Source.Kind.OFFICIAL
    assert Source.objects.get(key="eto-wikipedia").kind == Source.Kind.SECONDARY
    assert Source.objects.get(key="goglobal-taxonomy").kind == Source.Kind.INTERNAL
    bangladesh = Agreement.objects.get(code="cdta-bd")
    assert bangladesh.second_source is not None
    assert bangladesh.second_source.key == "doj-tax-treaties"
    assert bangladesh.in_force_on == dt.date(2024, 12, 20)
    gba = MarketGroup.objects.get(code="gba")
    assert gba.area_members.count() == 9
    assert set(gba.memberships.values_list("country__code", flat=True)) == {"HK", "MO"}
    force = TaskForce.objects.get(code="goglobal")
    assert force.launched_on == dt.date(2025, 10, 6)
    assert force.chair_en == "Secretary for Commerce and Economic Development"
    assert list(force.members.values_list("code", flat=True)) == [
        "hktdc",
        "investhk",
        "mainland-offices",
        "team-hong-kong",
    ]


def test_every_fact_kind_says_where_it_is_used() -> None:
    assert set(usage.USES) == set(selectors.FACT_MODELS)
    for codes in usage.USES.values():
        assert set(codes) <= set(usage.FEATURES)


def test_features_name_modules_that_exist() -> None:
    """Each feature names the package that reads the facts; the roadmaps package lands with the
    roadmap work (its engine reads the knowledge snapshot), so it may not be installed yet."""
    for feature in usage.FEATURES.values():
        for module in feature.reads.split(", "):
            if module == "roadmaps" and importlib.util.find_spec("goglobal.roadmaps") is None:
                continue
            assert importlib.util.find_spec(f"goglobal.{module}") is not None, module


def test_resting_rows_are_counted_per_fact() -> None:
    facts = selectors.fact_list(kind="agreement")
    asean = next(fact for fact in facts if fact.record.code == "fta-asean")
    peru = next(fact for fact in facts if fact.record.code == "fta-peru")

    assert asean.resting == 10
    assert peru.resting == 1
    assert [feature.code for feature in asean.features] == ["comparator", "matching", "roadmaps"]


def test_report_puts_what_more_depends_on_first_then_the_oldest() -> None:
    Office.objects.filter(code="eto-london").update(checked_on=dt.date(2020, 1, 1))

    by_use = selectors.fact_list(sort="use")
    by_age = selectors.fact_list(sort="age")

    dependence = [fact.dependence for fact in by_use]
    assert dependence == sorted(dependence, reverse=True)
    assert by_age[0].record.code == "eto-london"
    assert by_use[0].record.code != "eto-london"
    london = next(index for index, fact in enumerate(by_use) if fact.kind == "office")
    assert by_use[london].record.code == "eto-london"  # oldest first among equals


def test_secondary_only_facts_are_marked() -> None:
    facts = {(fact.kind, str(fact.record)): fact for fact in selectors.fact_list()}
    turkey = next(
        fact
        for (kind, _), fact in facts.items()
        if kind == "agreement" and fact.record.code == "cdta-tr"
    )
    austria = next(
        fact
        for (kind, _), fact in facts.items()
        if kind == "agreement" and fact.record.code == "cdta-at"
    )

    assert turkey.on_secondary_only
    assert not austria.on_secondary_only


def test_fact_page_shows_sources_and_uses(client, officer) -> None:
    client.force_login(officer)
    bangladesh = Agreement.objects.get(code="cdta-bd")

    page = client.get(f"/markets/facts/agreement/{bangladesh.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    query = {"all": "1", "kind": "agreement"}
    report = client.get("/markets/stale/", query, HTTP_ACCEPT_LANGUAGE="en")
    pages = [report] + [  # the report is paged: the row is on one of its pages
        client.get("/markets/stale/", {**query, "page": n}, HTTP_ACCEPT_LANGUAGE="en")
        for n in range(2, report.context["page_obj"].paginator.num_pages + 1)
    ]
    listed = "".join(p.content.decode() for p in pages)

    assert page.status_code == 200
    text = page.content.decode()
    assert "Department of Justice" in text or "tax treaties" in text
    assert "Where it is used" in text
    assert "Market profiles and the route comparator" in text
    assert report.status_code == 200
    assert "secondary source only" in report.content.decode()
    assert listed.count(f"/markets/facts/agreement/{bangladesh.pk}/") == 1


def test_fact_page_is_for_staff_and_404_for_unknown_rows(client, officer, make_user) -> None:
    client.force_login(officer)
    assert client.get("/markets/facts/nothing/1/").status_code == 404
    assert client.get("/markets/facts/agreement/999999/").status_code == 404

    client.force_login(make_user("enterprise_member"))
    assert client.get("/markets/facts/agreement/1/").status_code == 403


def test_api_staleness_carries_uses(client, officer) -> None:
    Office.objects.filter(code="eto-london").update(checked_on=dt.date(2020, 1, 1))
    client.force_login(officer)

    stale = client.get("/api/reference/staleness", {"months": 24}).json()

    london = next(
        item
        for item in stale
        if item["label"].startswith("Hong Kong Economic and Trade Office, London")
    )
    assert london["used_by"] == ["comparator", "matching", "roadmaps"]
    assert london["secondary_only"] is False
