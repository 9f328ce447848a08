"""``knowledge export`` / ``knowledge import``: a round trip loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from goglobal.core.errors import DomainError
from goglobal.knowledge.models import Agreement, AgreementParty, Office
from goglobal.knowledge.services.exchange import knowledge_export, knowledge_import
from goglobal.knowledge.tests.test_reference_files import rows

pytestmark = pytest.mark.django_db


def _without_stamp(path: Path) -> dict:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def test_round_trip_restores_every_fact(tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    call_command("knowledge", "export", str(first))
    Agreement.objects.filter(code="fta-peru").update(status="in_force", note="changed")
    AgreementParty.objects.filter(agreement__code="fta-efta", country__code="NO").delete()
    Office.objects.filter(code="eto-riyadh").delete()

    changed = knowledge_import(path=first)
    second = tmp_path / "second.json"
    knowledge_export(path=second)

    assert changed["agreements"] == 1
    assert changed["agreement_parties"] == 1
    assert changed["offices"] == 1
    assert changed["countries"] == 0
    assert _without_stamp(first) == _without_stamp(second)


def test_export_holds_sources_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "k.json"

    counts = knowledge_export(path=path)

    document = json.loads(path.read_text(encoding="utf-8"))
    assert counts["agreements"] == len(rows("agreements.csv"))
    peru = next(row for row in document["agreements"] if row["code"] == "fta-peru")
    shipped = next(row for row in rows("agreements.csv") if row["code"] == "fta-peru")
    assert peru["source"] == shipped["source"]
    assert peru["second_source"] == shipped["second_source"]
    assert peru["signed_on"] == "2024-11-15"
    assert peru["checked_on"]


def test_import_refuses_unknown_references(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    document = {
        "format": "goglobal-knowledge",
        "version": 1,
        "offices": [{"code": "x", "country": "ZZ", "source": "eto-wikipedia"}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(DomainError, match="offices"):
        knowledge_import(path=path)
