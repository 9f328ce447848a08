"""Consistency of Hong Kong's agreements and offices as shipped, and the counts they yield.

The figures asserted here are the published ones (with their sources in ``sources.csv``); the
product never types them: pages and the API count rows (``selectors.agreement_counts``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from goglobal.knowledge import selectors
from goglobal.knowledge.models import Agreement, AgreementParty, Office
from goglobal.knowledge.tests.test_reference_files import rows

STATUSES = {"negotiating", "signed", "in_force"}
ASEAN_2017 = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def test_every_party_and_office_is_a_known_country() -> None:
    countries = {row["code"] for row in rows("countries.csv")}
    agreements = {row["code"] for row in rows("agreements.csv")}

    assert {row["country"] for row in rows("agreement_parties.csv")} - countries == set()
    assert {row["agreement"] for row in rows("agreement_parties.csv")} - agreements == set()
    assert {row["country"] for row in rows("offices.csv")} - countries == set()


def test_every_agreement_covers_at_least_one_market() -> None:
    covered = {row["agreement"] for row in rows("agreement_parties.csv")}

    assert {row["code"] for row in rows("agreements.csv")} - covered == set()


@pytest.mark.parametrize("row", rows("agreements.csv"), ids=lambda row: row["code"])
def test_agreement_status_and_dates_are_consistent(row: dict[str, str]) -> None:
    started, signed, in_force = (
        _date(row[name]) for name in ("negotiations_started_on", "signed_on", "in_force_on")
    )
    checked = dt.date.fromisoformat(row["checked_on"])

    assert row["kind"] in {"cdta", "fta", "ippa"}
    assert row["status"] in STATUSES
    assert row["is_verified"] in {"yes", "no"}
    dates = [day for day in (started, signed, in_force) if day]
    assert dates == sorted(dates)
    assert all(day <= checked for day in dates)
    assert in_force is None or row["status"] == "in_force"
    assert signed is None or row["status"] in {"signed", "in_force"}


def test_offices_are_consistent() -> None:
    for row in rows("offices.csv"):
        assert row["kind"] in {"eto", "hktdc", "investhk", "other"}
        assert row["status"] in {"open", "preparing", "closed"}
        opened = _date(row["opened_on"])
        assert opened is None or row["status"] == "open"
        assert opened is None or opened <= dt.date.fromisoformat(row["checked_on"])


def test_asean_agreements_cover_the_2017_members_not_timor_leste() -> None:
    for code in ("fta-asean", "ippa-asean"):
        members = {
            row["country"] for row in rows("agreement_parties.csv") if row["agreement"] == code
        }
        assert members == ASEAN_2017


@pytest.mark.django_db
def test_counts_match_the_published_figures() -> None:
    counts = selectors.agreement_counts()

    # 51 tax jurisdictions (Xinhua, 24 Oct 2024); 9 FTAs with 21 economies (Peru FTA, Nov 2024).
    assert counts["cdta"] == {"agreements": 51, "markets": 51}
    assert counts["fta"] == {"agreements": 9, "markets": 21}
    # TID: 24 IPPAs with foreign economies plus the CEPA Investment Agreement.
    assert Agreement.objects.filter(kind="ippa").exclude(code="ippa-cepa").count() == 24
    # 15 overseas ETOs after Kuala Lumpur (Dec 2025); Riyadh in preparation.
    overseas = Office.objects.filter(kind="eto", status="open").exclude(country__code="CN")
    assert overseas.count() == 15
    assert Office.objects.get(code="eto-riyadh").status == "preparing"


@pytest.mark.django_db
def test_loader_removes_a_party_dropped_from_the_file(tmp_path) -> None:
    from goglobal.knowledge.services import DATA_DIR, reference_data_load

    for path in DATA_DIR.glob("*.csv"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    parties = tmp_path / "agreement_parties.csv"
    parties.write_text(
        "\n".join(
            line
            for line in parties.read_text(encoding="utf-8").splitlines()
            if not line.startswith("fta-efta,NO,")
        )
        + "\n",
        encoding="utf-8",
    )

    reference_data_load(data_dir=tmp_path)

    assert not AgreementParty.objects.filter(
        agreement__code="fta-efta", country__code="NO"
    ).exists()
    assert AgreementParty.objects.filter(agreement__code="fta-efta").count() == 3
