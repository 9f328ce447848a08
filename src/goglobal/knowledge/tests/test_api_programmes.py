"""The JSON API for functions, schemes, mechanisms and Hong Kong's RCEP accession."""

from __future__ import annotations

from pathlib import Path

import pytest

from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.knowledge.models import GroupAccession, Mechanism
from goglobal.knowledge.services.exchange import knowledge_export, knowledge_import

pytestmark = pytest.mark.django_db
BASE = "/api/reference"


@pytest.mark.parametrize(
    "url",
    [
        "/functions",
        "/functions/listing-main-board",
        "/schemes",
        "/schemes/check/1",
        "/mechanisms",
    ],
)
def test_login_required(client, url) -> None:
    assert client.get(BASE + url).status_code == 401


def test_functions_list_and_detail(client, make_user) -> None:
    client.force_login(make_user("enterprise_member"))

    functions = client.get(f"{BASE}/functions").json()
    detail = client.get(f"{BASE}/functions/listing-main-board").json()

    assert "listing-main-board" in {item["code"] for item in functions}
    assert detail["steps"][0]["position"] == 1
    assert detail["steps"][0]["side"] == "mainland"
    positions = [step["position"] for step in detail["steps"]]
    assert positions == sorted(positions)
    assert any("HK$35" in point["text_en"] for point in detail["points"])
    assert detail["source"]["title"]
    assert client.get(f"{BASE}/functions/no-such-thing").status_code == 404


def test_schemes_and_mechanisms(client, make_user) -> None:
    client.force_login(make_user("provider_member"))

    schemes = client.get(f"{BASE}/schemes").json()
    mechanisms = client.get(f"{BASE}/mechanisms").json()

    assert "new-cies" in {item["code"] for item in schemes}
    shanghai = next(m for m in mechanisms if m["code"] == "hk-shanghai")
    assert shanghai["meetings"]
    assert shanghai["initiatives"]
    assert "sh-gold-vault" in {item["code"] for item in shanghai["initiatives"]}
    assert "case_count" not in shanghai


def test_scheme_check_is_staff_only(client, make_user) -> None:
    enterprise = EnterpriseFactory()
    url = f"{BASE}/schemes/check/{enterprise.pk}"

    client.force_login(make_user("enterprise_member"))
    assert client.get(url).status_code == 404

    client.force_login(make_user("officer"))
    rows = client.get(url).json()
    assert client.get(f"{BASE}/schemes/check/999999").status_code == 404

    assert {row["kind"] for row in rows} >= {"scheme"}
    for row in rows:
        assert isinstance(row["eligible"], bool)
        assert row["eligible"] == (row["reasons"] == [])
        assert all(reason["text"] for reason in row["reasons"])


def test_rcep_accession_in_groupings_and_market_profile(client, officer) -> None:
    client.force_login(officer)

    groups = client.get(f"{BASE}/market-groups").json()
    market = client.get(f"{BASE}/markets/JP").json()

    rcep = next(group for group in groups if group["code"] == "rcep")
    (accession,) = rcep["accessions"]
    assert accession["applicant"] == "HK"
    assert accession["status"] == "applied"
    assert accession["status_label"] == "applied / not yet a member"
    assert accession["applied_on"].startswith("2022-01")
    assert accession["source"]["url"].startswith("https://")
    assert accession["source"]["publisher"]
    assert accession["checked_on"]
    assert "HK" not in rcep["members"]
    grouping = next(g for g in market["groupings"] if g["group"] == "rcep")
    assert grouping["accessions"][0]["applicant"] == "HK"
    others = [g for g in market["groupings"] if g["group"] != "rcep"]
    assert others
    assert all(g["accessions"] == [] for g in others)


def test_rcep_accession_on_the_market_profile_page(client, officer) -> None:
    client.force_login(officer)

    page = client.get("/markets/JP/").content.decode()

    assert "applied / not yet a member" in page
    assert "January 2022" in page
    assert "newszop.com" in page


def test_round_trip_restores_the_accession(tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    knowledge_export(path=first)
    GroupAccession.objects.all().delete()

    changed = knowledge_import(path=first)
    second = tmp_path / "second.json"
    knowledge_export(path=second)

    assert changed["group_accessions"] == 1
    accession = GroupAccession.objects.get(group__code="rcep", applicant__code="HK")
    assert accession.status == GroupAccession.Status.APPLIED
    first_doc = first.read_text(encoding="utf-8").split("\n", 4)[4]
    assert first_doc == second.read_text(encoding="utf-8").split("\n", 4)[4]


def test_mechanism_has_a_reverse_cases_relation() -> None:
    assert Mechanism.objects.get(code="hk-shanghai").cases.count() == 0
