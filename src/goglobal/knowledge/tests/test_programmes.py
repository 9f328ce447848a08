"""Hong Kong functions, schemes and mechanisms: data consistency, rule checks, pages, round trip."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

from goglobal.knowledge.models import (
    FunctionStep,
    HongKongFunction,
    MechanismInitiative,
    Scheme,
    Source,
)
from goglobal.knowledge.rules import BANDS, CODES, Profile, RuleError, rule_parse, scheme_check
from goglobal.knowledge.services import DATA_DIR
from goglobal.knowledge.services.exchange import knowledge_export, knowledge_import

CATEGORIES = {
    "law_firm", "accounting_tax", "bank", "securities_sponsor", "consultancy", "logistics",
    "ip_agent", "hr_talent", "insurance", "science_park", "industry_association", "public_agency",
}  # fmt: skip


def rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_steps_are_numbered_one_to_n_per_function() -> None:
    positions: dict[str, list[int]] = {}
    for row in rows("function_steps.csv"):
        positions.setdefault(row["function"], []).append(int(row["position"]))

    assert set(positions) == {row["code"] for row in rows("functions.csv")}
    for numbers in positions.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_every_need_code_category_and_source_is_known() -> None:
    needs = {row["code"] for row in rows("needs.csv")}
    sources = {row["key"] for row in rows("sources.csv")}
    for name in ("functions.csv", "function_steps.csv", "schemes.csv"):
        for row in rows(name):
            assert set(filter(None, row["need_codes"].split(";"))) <= needs, row
            assert set(filter(None, row.get("provider_categories", "").split(";"))) <= CATEGORIES
    for name in (
        "functions.csv", "function_steps.csv", "function_points.csv", "schemes.csv",
        "mechanisms.csv", "mechanism_meetings.csv", "mechanism_initiatives.csv",
    ):  # fmt: skip
        for row in rows(name):
            assert row["source"] in sources, row
            assert row["checked_on"], row


def test_every_shipped_rule_parses() -> None:
    for name in ("functions.csv", "schemes.csv"):
        for row in rows(name):
            rule_parse(row["eligibility"])


def test_rule_codes_match_the_enterprise_choices() -> None:
    enterprise = apps.get_model("enterprises", "Enterprise")
    for name, codes in CODES.items():
        choices = [value for value, _ in enterprise._meta.get_field(name).choices]
        assert sorted(choices) == sorted(codes), name
    assert set(BANDS) <= set(CODES)


def test_rule_parse_rejects_unknown_fields_and_codes() -> None:
    with pytest.raises(RuleError):
        rule_parse("colour in red")
    with pytest.raises(RuleError):
        rule_parse("employee_band at_least huge")


class _Scheme:
    def __init__(self, eligibility: str, applicant: str = "enterprise") -> None:
        self.eligibility = eligibility
        self.applicant = applicant


@pytest.mark.parametrize(
    ("profile", "eligible", "codes"),
    [
        ({"listing_status": "listed_overseas", "employee_band": "300_999"}, True, []),
        ({"listing_status": "unlisted", "employee_band": "300_999"}, False, ["rule.in"]),
        ({"listing_status": "listed_overseas", "employee_band": "lt50"}, False, ["rule.at_least"]),
        ({"listing_status": "listed_overseas"}, False, ["profile.missing"]),
        (
            {"listing_status": "listed_hk", "employee_band": "lt50"},
            False,
            ["rule.in", "rule.at_least"],
        ),
    ],
)
def test_scheme_check_gives_every_reason(profile: dict, eligible: bool, codes: list[str]) -> None:
    scheme = _Scheme("listing_status in listed_overseas; employee_band at_least 50_299")

    result, reasons = scheme_check(scheme, profile)

    assert result is eligible
    assert [reason.code for reason in reasons] == codes


def test_scheme_check_reports_individual_schemes_and_params() -> None:
    _, reasons = scheme_check(_Scheme("", applicant="individual"), Profile())
    assert [reason.code for reason in reasons] == ["applicant.individual"]

    _, reasons = scheme_check(
        _Scheme("ownership not_in state_owned"), Profile(ownership="state_owned")
    )
    assert reasons[0].params == {
        "field": "ownership",
        "values": ["state_owned"],
        "actual": "state_owned",
    }


@pytest.mark.django_db
def test_loaded_counts_derive_from_the_files() -> None:
    assert HongKongFunction.objects.count() == len(rows("functions.csv"))
    assert FunctionStep.objects.count() == len(rows("function_steps.csv"))
    assert Scheme.objects.count() == len(rows("schemes.csv"))
    assert MechanismInitiative.objects.count() == len(rows("mechanism_initiatives.csv"))
    listing = HongKongFunction.objects.get(code="listing-main-board")
    assert listing.steps.first().side == "mainland"


def _without_stamp(path: Path) -> dict:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


@pytest.mark.django_db
def test_round_trip_restores_functions_schemes_mechanisms(tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    knowledge_export(path=first)
    FunctionStep.objects.filter(function__code="listing-18c", position=4).update(duration="x")
    Scheme.objects.filter(code="new-cies").update(eligibility="", criteria_en="changed")
    MechanismInitiative.objects.filter(code="sh-gold-vault").delete()

    changed = knowledge_import(path=first)
    second = tmp_path / "second.json"
    knowledge_export(path=second)

    assert changed["function_steps"] == 1
    assert changed["schemes"] == 1
    assert changed["mechanism_initiatives"] == 1
    assert _without_stamp(first) == _without_stamp(second)


@pytest.mark.django_db
def test_pages_render(admin_client) -> None:
    for url in (
        "/markets/functions/",
        "/markets/functions/listing-main-board/",
        "/markets/schemes/",
        "/markets/mechanisms/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
    assert "HK$35" in admin_client.get("/markets/functions/listing-main-board/").content.decode()
    assert Source.objects.filter(key="seed-beijing-2025").exists()


def test_every_function_and_point_has_its_chinese_text() -> None:
    for row in rows("functions.csv"):
        assert all(row[f"summary_{lang}"] for lang in ("en", "zh_hans", "zh_hant")), row
    for row in rows("function_points.csv"):
        assert all(row[f"text_{lang}"] for lang in ("en", "zh_hans", "zh_hant")), row


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "summary"),
    [
        ("en", "one of three financial tests must be met"),
        ("zh-hans", "须符合三项财务测试之一"),
        ("zh-hant", "須符合三項財務測試其中一項"),
    ],
)
def test_function_summaries_are_in_the_readers_language(
    admin_client, language: str, summary: str
) -> None:
    with translation.override(language):
        for url in ("/markets/functions/", "/markets/functions/listing-main-board/"):
            page = admin_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
            assert summary in page, (language, url)
