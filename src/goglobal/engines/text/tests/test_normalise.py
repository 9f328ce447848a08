import pytest

from goglobal.engines.text import normalise, search_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("滙豐銀行", "汇丰银行"),
        ("ＨＳＢＣ　Ｂａｎｋ", "hsbc bank"),
        ("  Deacons   LAW  ", "deacons law"),
        ("香港國際仲裁中心（HKIAC）", "香港国际仲裁中心(hkiac)"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_folds_width_case_and_script(raw, expected):
    assert normalise(raw) == expected


def test_traditional_and_simplified_variants_share_a_key():
    traditional = search_key(["國際物流有限公司"])
    simplified = normalise("国际物流")

    assert simplified in traditional


def test_search_key_skips_empty_parts():
    assert search_key(["A", None, "", "b"]) == "a | b"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("我们是一家深圳的新能源汽车电池制造商", "zh-hans"),
        ("我們是一家香港的律師事務所，專注跨境併購", "zh-hant"),
        ("We are a Hong Kong law firm", "en"),
        ("", "en"),
        ("BYD 比亚迪 battery", "zh-hans"),
    ],
)
def test_detect_language(text, language):
    from goglobal.engines.text import detect_language

    assert detect_language(text) == language
