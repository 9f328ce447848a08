"""Saved mappings: kept by name per kind, offered when a file's headers come back."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Enterprise
from goglobal.imports.models import SavedMapping
from goglobal.imports.saved_mappings import (
    saved_mapping_columns,
    saved_mapping_save,
    saved_mappings_for,
)
from goglobal.imports.tables import csv_lines
from goglobal.imports.tests.factories import social_credit_code

pytestmark = pytest.mark.django_db

HEADER = ["编号", "企业名称", "城市", "备注"]
COLUMNS = {0: "external_id", 1: "name_zh", 2: "city"}


def save(actor, **changes):
    fields = {
        "actor": actor,
        "kind": "enterprises",
        "name": "Chamber list",
        "header": HEADER,
        "columns": COLUMNS,
        "values": {"city": {"深圳市": "440300"}},
    }
    fields.update(changes)
    return saved_mapping_save(**fields)


def test_a_saved_mapping_is_offered_for_the_same_headers_in_another_order_and_script(officer):
    mapping = save(officer)
    header = ["城市", "企業名稱", "編號", "聯絡人"]

    assert saved_mappings_for("enterprises", header) == [mapping]
    assert saved_mapping_columns(mapping, header) == {0: "city", 1: "name_zh", 2: "external_id"}
    assert mapping.values == {"city": {"深圳市": "440300"}}
    assert AuditEvent.objects.filter(target_id=str(mapping.pk), action="created").exists()


def test_a_file_missing_a_mapped_header_or_of_another_kind_is_not_offered_it(officer):
    save(officer)
    assert saved_mappings_for("enterprises", ["编号", "企业名称"]) == []
    assert saved_mappings_for("providers", HEADER) == []


def test_saving_under_the_same_name_replaces(officer):
    save(officer)
    save(officer, columns={0: "external_id", 1: "name_zh"}, values={})
    mapping = SavedMapping.objects.get()
    assert mapping.columns == {"编号": "external_id", "企业名称": "name_zh"}
    assert mapping.values == {}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"columns": {}}, "columns"),
        ({"columns": {0: "external_id", 1: "external_id"}}, "columns"),
        ({"columns": {0: "no_such_column"}}, "columns"),
        ({"columns": {9: "city"}}, "columns"),
        ({"values": {"city": {"深圳市": "999999"}}}, "values"),
        ({"values": {"name_zh": {"a": "b"}}}, "values"),
    ],
)
def test_bad_mappings_are_refused_by_field(officer, changes, field):
    with pytest.raises(ValidationError) as caught:
        save(officer, **changes)
    assert field in caught.value.message_dict
    assert not SavedMapping.objects.exists()


CHAMBER_HEADER = [
    "编号", "企业名称", "统一社会信用代码", "省份", "城市", "所属行业", "员工人数", "营业收入",
    "企业性质", "备注",
]  # fmt: skip
CHAMBER_COLUMNS = dict(
    enumerate(
        [
            "external_id", "name_zh", "social_credit_code", "province", "city", "sector",
            "employee_band", "revenue_band", "ownership",
        ]
    )
)  # fmt: skip
CHAMBER_VALUES = {
    "province": {"广东省": "440000"},
    "city": {"深圳市": "440300"},
    "ownership": {"民营": "private"},
    "employee_band": {"300-999人": "300_999"},
    "revenue_band": {"2亿-10亿元": "200m_1b"},
}


def chamber_row(n, **cells):
    row = {
        "编号": f"chamber-{n}",
        "企业名称": f"深圳市样例{n}号储能有限公司",
        "统一社会信用代码": social_credit_code(93000 + n),
        "省份": "广东省",
        "城市": "深圳市",
        "所属行业": "38",
        "员工人数": "300-999人",
        "营业收入": "2亿-10亿元",
        "企业性质": "民营",
        "备注": "2026 年展会",
    }
    row.update(cells)
    return [row[name] for name in CHAMBER_HEADER]


def chamber_file(tmp_path, rows, suffix="csv"):
    path = tmp_path / f"chamber.{suffix}"
    if suffix == "csv":
        path.write_text("".join(csv_lines(CHAMBER_HEADER, rows)), encoding="utf-8")
    else:
        workbook = Workbook()
        workbook.active.append(CHAMBER_HEADER)
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    return path


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_import_command_uses_a_saved_mapping(officer, tmp_path, capsys, suffix):
    saved_mapping_save(
        actor=officer,
        kind="enterprises",
        name="Shenzhen chamber",
        header=CHAMBER_HEADER,
        columns=CHAMBER_COLUMNS,
        values=CHAMBER_VALUES,
    )
    path = chamber_file(tmp_path, [chamber_row(1), chamber_row(2)], suffix)

    call_command("import", "enterprises", str(path), "--mapping", "Shenzhen chamber")

    out = capsys.readouterr().out
    assert "Columns left out: 备注" in out
    assert "2 created" in out
    enterprise = Enterprise.objects.get(external_id="chamber-1")
    assert (enterprise.city.code, enterprise.ownership, enterprise.employee_band) == (
        "440300",
        "private",
        "300_999",
    )


def test_a_value_the_mapping_does_not_know_is_an_error_in_its_row(officer, tmp_path, capsys):
    saved_mapping_save(
        actor=officer,
        kind="enterprises",
        name="Shenzhen chamber",
        header=CHAMBER_HEADER,
        columns=CHAMBER_COLUMNS,
        values=CHAMBER_VALUES,
    )
    path = chamber_file(tmp_path, [chamber_row(1), chamber_row(2, 城市="东莞市")])

    with pytest.raises(CommandError):
        call_command("import", "enterprises", str(path), "--mapping", "Shenzhen chamber")

    assert "row 3, column city" in capsys.readouterr().err
    assert not Enterprise.objects.filter(external_id__startswith="chamber-").exists()


def test_an_unknown_mapping_or_an_unreadable_file_is_a_clear_command_error(officer, tmp_path):
    path = chamber_file(tmp_path, [chamber_row(1)])
    with pytest.raises(CommandError, match="No saved mapping"):
        call_command("import", "enterprises", str(path), "--mapping", "Nobody")
    saved_mapping_save(
        actor=officer,
        kind="enterprises",
        name="Shenzhen chamber",
        header=CHAMBER_HEADER,
        columns=CHAMBER_COLUMNS,
        values=CHAMBER_VALUES,
    )
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(CommandError, match="Excel"):
        call_command("import", "enterprises", str(broken), "--mapping", "Shenzhen chamber")


def test_a_mapping_is_proposed_then_saved_from_the_console_and_used(tmp_path, capsys):
    path = chamber_file(tmp_path, [chamber_row(1), chamber_row(2, 城市="东莞")])

    call_command("import_mapping", "enterprises", str(path), "--name", "Chamber")
    out = capsys.readouterr().out
    assert "企业名称 → name_zh" in out
    assert "备注 → (left out)" in out
    assert "city: 深圳市 → 440300" in out
    assert "employee_band: 300-999人 → 300_999" in out  # the band's Chinese label
    assert "revenue_band: 2亿-10亿元 → ?" in out
    assert "Nothing saved" in out
    assert not SavedMapping.objects.exists()

    call_command(
        "import_mapping", "enterprises", str(path), "--name", "Chamber", "--save",
        "--value", "revenue_band=2亿-10亿元=200m_1b",
    )  # fmt: skip
    mapping = SavedMapping.objects.get(name="Chamber")
    assert mapping.values["city"] == {"深圳市": "440300", "东莞": "441900"}

    call_command("import", "enterprises", str(path), "--mapping", "Chamber")
    assert Enterprise.objects.get(external_id="chamber-2").city.code == "441900"


@pytest.mark.parametrize(
    "extra",
    [
        ["--value", "city=深圳市=999999"],
        ["--value", "website=a=b"],
        ["--value", "city-深圳市"],
        ["--column", "联系人=contact_name"],
        ["--column", "企业名称=no_such_column"],
    ],
)
def test_a_bad_console_mapping_is_a_clear_error_and_nothing_is_saved(tmp_path, extra):
    path = chamber_file(tmp_path, [chamber_row(1)])
    with pytest.raises(CommandError):
        call_command(
            "import_mapping", "enterprises", str(path), "--name", "Chamber", "--save", *extra
        )
    assert not SavedMapping.objects.exists()
