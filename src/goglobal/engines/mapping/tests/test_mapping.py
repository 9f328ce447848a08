"""Header and value suggestions for the import wizard, without Django."""

from __future__ import annotations

import pytest

from goglobal.engines.mapping import (
    SYNONYMS,
    Option,
    ValueIndex,
    header_key,
    suggest_columns,
    suggest_value,
    value_key,
)

ENTERPRISE_COLUMNS = [
    "external_id", "name_zh", "name_en", "social_credit_code", "province", "city", "sector",
    "employee_band", "revenue_band", "ownership", "listing_status", "hs_codes", "description",
    "description_language", "website", "target_markets", "needs", "contact_name",
    "contact_email", "contact_phone", "contact_consent",
]  # fmt: skip
PROVIDER_COLUMNS = [
    "external_id", "name_en", "name_zh_hans", "name_zh_hant", "description",
    "description_language", "website", "category", "needs", "sectors", "markets", "languages",
    "licences", "capacity_per_month", "email",
]  # fmt: skip


def mapped(headers: list[str], columns: list[str]) -> dict[str, str | None]:
    return {s.header: s.column for s in suggest_columns(headers, columns)}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Name (English)", "nameenglish"),
        ("name_en", "nameen"),
        ("NAME-EN", "nameen"),
        ("企業名稱（必填）", "企业名称"),
        ("*企业名称", "企业名称"),
        ("ＵＳＣＣ", "uscc"),
        ("  Contact   e-mail (optional) ", "contactemail"),
    ],
)
def test_header_key_folds_width_case_script_and_markers(text: str, key: str) -> None:
    assert header_key(text) == key


@pytest.mark.parametrize(
    "headers",
    [
        # Simplified, Traditional and English headers for the same file.
        ["编号", "企业名称", "统一社会信用代码", "省份", "城市", "所属行业", "员工人数",
         "营业收入", "企业性质", "联系人", "联系人邮箱", "联系电话", "目标市场", "需求"],
        ["編號", "企業名稱", "統一社會信用代碼", "省份", "城市", "所屬行業", "員工人數",
         "營業收入", "企業性質", "聯絡人", "聯絡人電郵", "聯絡電話", "目標市場", "需求"],
        ["Ref", "Chinese name", "USCC", "Province", "City", "Industry", "Employees",
         "Revenue", "Ownership", "Contact person", "Contact email", "Phone",
         "Target markets", "Needs"],
    ],
)  # fmt: skip
def test_enterprise_headers_in_three_languages(headers: list[str]) -> None:
    expected = [
        "external_id", "name_zh", "social_credit_code", "province", "city", "sector",
        "employee_band", "revenue_band", "ownership", "contact_name", "contact_email",
        "contact_phone", "target_markets", "needs",
    ]  # fmt: skip
    assert [s.column for s in suggest_columns(headers, ENTERPRISE_COLUMNS)] == expected


def test_our_own_column_names_are_exact() -> None:
    suggestions = suggest_columns(ENTERPRISE_COLUMNS, ENTERPRISE_COLUMNS)
    assert [s.column for s in suggestions] == ENTERPRISE_COLUMNS
    assert all(s.exact for s in suggestions)


def test_unknown_and_empty_headers_are_left_unmapped() -> None:
    result = suggest_columns(["备注", "", "Notes", "企业名称"], ENTERPRISE_COLUMNS)
    assert [s.column for s in result] == [None, None, None, "name_zh"]
    assert result[0].score == 0.0
    assert not result[0].exact


def test_a_header_holding_a_name_inside_more_words_scores_below_exact() -> None:
    [suggestion] = suggest_columns(["企业名称（中文全称）"], ENTERPRISE_COLUMNS)
    assert suggestion.column == "name_zh"
    assert 0.5 < suggestion.score < 1.0
    assert not suggestion.exact


def test_each_column_goes_to_one_header_the_best_one() -> None:
    # "公司名称（英文）" holds 公司名称 (name_zh) but "企业名称" is an exact name_zh: the
    # exact one wins and the other header is left for the person.
    result = mapped(["公司名称（英文）", "企业名称"], ENTERPRISE_COLUMNS)
    assert result == {"公司名称（英文）": None, "企业名称": "name_zh"}
    # Two exact headers for one column: the leftmost keeps it.
    assert mapped(["邮箱", "电子邮箱"], ENTERPRISE_COLUMNS) == {
        "邮箱": "contact_email",
        "电子邮箱": None,
    }


def test_the_kind_decides_between_columns_with_one_header() -> None:
    assert mapped(["Email", "Industry", "Markets"], PROVIDER_COLUMNS) == {
        "Email": "email",
        "Industry": "sectors",
        "Markets": "markets",
    }
    assert mapped(["Email", "Industry", "Markets"], ENTERPRISE_COLUMNS) == {
        "Email": "contact_email",
        "Industry": "sector",
        "Markets": "target_markets",
    }


def test_short_latin_words_are_never_matched_inside_a_header() -> None:
    # "id" and "hs" are exact synonyms, but not found inside "Paid" or "Shops".
    assert mapped(["Paid", "Shops"], ENTERPRISE_COLUMNS) == {"Paid": None, "Shops": None}


def test_every_synonym_table_entry_is_a_column_and_no_synonym_is_empty() -> None:
    known = set(ENTERPRISE_COLUMNS) | set(PROVIDER_COLUMNS) | {
        "investor_type", "stages", "ticket_min", "ticket_max", "currency",
    }  # fmt: skip
    assert set(SYNONYMS) <= known
    assert all(header_key(word) for words in SYNONYMS.values() for word in words)


CITIES = [
    Option("440300", ("深圳", "Shenzhen", "深圳")),
    Option("440100", ("广州", "Guangzhou", "廣州")),
    Option("330100", ("杭州", "Hangzhou", "杭州")),
]
CITY_SUFFIXES = ("市", "city", "shi")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Shenzhen", "440300"),
        ("深圳", "440300"),
        ("深圳市", "440300"),
        ("SHENZHEN CITY", "440300"),
        ("Shenzhen Shi", "440300"),
        ("廣州市", "440100"),
        ("440100", "440100"),
        (" 杭州 ", "330100"),
    ],
)
def test_a_value_is_matched_by_code_or_label_in_any_language(value: str, code: str) -> None:
    assert suggest_value(value, CITIES, CITY_SUFFIXES) == code


@pytest.mark.parametrize("value", ["北京", "", "市", "Shen"])
def test_an_unknown_value_is_left_for_the_person(value: str) -> None:
    assert suggest_value(value, CITIES, CITY_SUFFIXES) is None


def test_suffixes_are_only_tried_when_the_whole_text_matches_nothing() -> None:
    options = [Option("A", ("吉林",)), Option("B", ("吉林市",))]
    # 吉林市 (the city) is an exact label of B; it is not read as 吉林 (the province).
    assert suggest_value("吉林市", options, ("市",)) == "B"
    assert suggest_value("吉林", options, ("市",)) == "A"


def test_two_options_that_match_alike_give_no_suggestion() -> None:
    options = [Option("CG", ("Congo",)), Option("CD", ("Congo",))]
    assert suggest_value("Congo", options) is None


def test_value_key_keeps_a_text_that_is_only_a_suffix() -> None:
    assert value_key("市", ("市",)) == "市"
    assert value_key("United Kingdom") == "unitedkingdom"


def test_an_index_answers_as_one_value_at_a_time_does():
    index = ValueIndex(CITIES, CITY_SUFFIXES)
    values = ["Shenzhen", "深圳市", "廣州市", "北京", "", "Hangzhou City", "440100"]
    assert [index.suggest(v) for v in values] == [
        suggest_value(v, CITIES, CITY_SUFFIXES) for v in values
    ]
    assert [index.suggest(v) for v in values] == [
        "440300", "440300", "440100", None, None, "330100", "440100",
    ]  # fmt: skip
