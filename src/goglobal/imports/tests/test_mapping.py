"""Mapping a file in any layout onto an import kind: suggestions from the reference data, and
the remapped rows checked and written by the import every file goes through."""

from __future__ import annotations

import pytest

from goglobal.enterprises.models import Enterprise
from goglobal.imports.mapping import (
    column_suggestions,
    distinct_values,
    remapped_header,
    remapped_rows,
    value_suggestions,
)
from goglobal.imports.tests.factories import import_rows, social_credit_code

pytestmark = pytest.mark.django_db

HEADER = [
    "编号", "企业名称", "统一社会信用代码", "省份", "城市", "所属行业", "员工人数", "营业收入",
    "企业性质", "目标市场", "备注",
]  # fmt: skip


def test_chinese_headers_are_suggested_and_a_note_column_left_out():
    suggestions = column_suggestions("enterprises", HEADER)
    assert [s.column for s in suggestions] == [
        "external_id", "name_zh", "social_credit_code", "province", "city", "sector",
        "employee_band", "revenue_band", "ownership", "target_markets", None,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("city", "深圳", "440300"),
        ("city", "深圳市", "440300"),
        ("city", "Shenzhen", "440300"),
        ("province", "广东省", "440000"),
        ("province", "廣東", "440000"),
        ("province", "Guangdong Province", "440000"),
        ("target_markets", "越南", "VN"),
        ("target_markets", "Vietnam", "VN"),
        ("target_markets", "泰國", "TH"),
        ("ownership", "私营", "private"),
        ("ownership", "private", "private"),
        ("ownership", "民營", "private"),
        ("employee_band", "300–999 employees", "300_999"),
    ],
)
def test_coded_values_are_suggested_from_labels_in_every_language(column, value, code):
    assert value_suggestions("enterprises", column, [value]) == {value: code}


def test_an_unknown_value_has_no_suggestion():
    assert value_suggestions("enterprises", "city", ["Atlantis"]) == {"Atlantis": None}


def test_list_items_are_split_on_chinese_separators_and_keep_their_details():
    rows = [["越南、泰国"], ["Vietnam；新加坡"]]
    assert distinct_values(rows, 0, True, limit=10) == ["越南", "泰国", "Vietnam", "新加坡"]
    needs = value_suggestions("providers", "needs", ["Company setup:high"])
    assert list(needs) == ["Company setup:high"]


def _row(n, **cells):
    base = {
        "编号": f"src-{n}",
        "企业名称": f"深圳市样例{n}号电子有限公司",
        "统一社会信用代码": social_credit_code(91000 + n),
        "省份": "广东省",
        "城市": "深圳市",
        "所属行业": "38",
        "员工人数": "300_999",
        "营业收入": "200m_1b",
        "企业性质": "私营",
        "目标市场": "越南、泰国",
        "备注": "展会名单",
    }
    base.update(cells)
    return [base[name] for name in HEADER]


def test_remapped_rows_import_with_codes_in_place(officer):
    rows = [_row(1), _row(2, 城市="Shenzhen")]
    columns = {
        s.position: s.column
        for s in column_suggestions("enterprises", HEADER)
        if s.column is not None
    }
    values = {}
    for position, column in columns.items():
        if column in {"province", "city", "ownership", "target_markets"}:
            is_list = column == "target_markets"
            found = distinct_values(rows, position, is_list, limit=50)
            values[column] = {
                v: c for v, c in value_suggestions("enterprises", column, found).items() if c
            }
    header = remapped_header(columns)
    mapped = [dict(zip(header, cells, strict=True)) for cells in remapped_rows(
        "enterprises", rows, columns, values
    )]  # fmt: skip
    assert mapped[0]["city"] == "440300"
    assert mapped[1]["city"] == "440300"
    assert mapped[0]["target_markets"] == "VN;TH"
    assert "备注" not in header

    job = import_rows("enterprises", mapped, actor=officer)
    assert job.errors == []

    assert (job.status, job.created_count) == ("succeeded", 2)
    enterprise = Enterprise.objects.get(external_id="src-1")
    assert (enterprise.city.code, enterprise.ownership) == ("440300", "private")
    assert sorted(enterprise.target_countries.values_list("code", flat=True)) == ["TH", "VN"]


def test_an_unmapped_value_reaches_the_import_check_as_it_was(officer):
    columns = {0: "external_id", 4: "city"}
    [cells] = remapped_rows("enterprises", [_row(3, 城市="Atlantis")], columns, {"city": {}})
    assert cells == ["src-3", "Atlantis"]
