"""Every roadmap of the demo: each claim traceable to a sourced, dated fact, and every page
readable in the three languages with no code shown."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from goglobal.cases.demo import cases_demo_create
from goglobal.demo.accounts import demo_accounts_create
from goglobal.demo.load import DemoSize, demo_set_create
from goglobal.roadmaps.demo import roadmaps_demo_create
from goglobal.roadmaps.models import Roadmap

pytestmark = pytest.mark.django_db
SMALL = DemoSize(enterprises=24, providers=14, investors=6, partner_bodies=4)
PARTS = ("listing_routes", "mainland_steps", "functions", "markets", "schemes", "steps")
RAW_CODE = re.compile(
    r">[^<]*\b(main_board|chapter_1[89][ac]|secondary_listing|csrc_filing|odi_filing|"
    r"foreign_debt_registration|treasury_centre|regional_hq|rnd_hub|supply_chain_centre|"
    r"fundraising\.[a-z_]+|[a-z]+\.[a-z_]+_[a-z_]+)\b[^<]*<"
)


@pytest.fixture
def demo_roadmaps(officer):
    demo = demo_set_create(seed=5, size=SMALL)
    demo_accounts_create(enterprise=demo.enterprises[0], provider=demo.providers[0])
    cases_demo_create(seed=5, count=12)
    return roadmaps_demo_create(seed=5)


def test_every_enterprise_with_a_case_gets_a_roadmap(demo_roadmaps):
    assert len(demo_roadmaps) == 12
    assert Roadmap.objects.count() == 12


def test_every_claim_of_every_demo_roadmap_rests_on_a_sourced_dated_fact(demo_roadmaps):
    """Every route, filing, function, market, scheme and step names facts; each fact has a
    checked date; each item rests on at least one fact with a source address (official where
    one could be read, else a secondary source the page marks); a fact with no address
    (GoGlobal's own guidance, or an official text whose page could not be read) is never
    marked verified."""
    for roadmap in demo_roadmaps:
        result = roadmap.result
        for part in PARTS:
            for item in result[part]:
                assert item["facts"], (roadmap.enterprise_id, part, item)
                facts = [result["facts"][fact_id] for fact_id in item["facts"]]
                assert all(f["checked_on"] for f in facts), item["facts"]
                assert any(f["source"]["url"].startswith("https://") for f in facts), (
                    part,
                    item.get("id") or item["facts"],
                )
                for fact_id, fact in zip(item["facts"], facts, strict=True):
                    if not fact["source"]["url"]:  # never read on a page: never verified
                        assert fact["verified"] is False, fact_id


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_every_demo_roadmap_page_reads_in_words_not_codes(demo_roadmaps, officer, language):
    client = Client()
    client.force_login(officer)
    client.cookies["goglobal_language"] = language
    for roadmap in demo_roadmaps:
        response = client.get(reverse("roadmaps:detail", args=[roadmap.enterprise_id]))
        assert response.status_code == 200
        body = response.content.decode()
        main = body[body.index("<main") : body.index("</main>")]
        found = RAW_CODE.search(main)
        assert found is None, (roadmap.enterprise_id, found and found.group(0)[:200])
        if language != "en":
            assert "Listing in Hong Kong" not in main
            assert "Not decided:" not in main
