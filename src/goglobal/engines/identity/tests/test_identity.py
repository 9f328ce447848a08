"""The identity engine: parsing names, comparing records, blocking, the labelled-set command."""
# ruff: noqa: E501

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goglobal.engines.identity import IdentityIndex, Record, code_is_valid, compare, parse
from goglobal.engines.identity.cli import main as identity_eval
from goglobal.engines.identity.compare import prepare
from goglobal.engines.identity.evaluate import evaluate, load_pairs
from goglobal.engines.identity.tests import pairs as generator

HANDWRITTEN = Path(__file__).parent / "data" / "handwritten.json"
needs_shared = pytest.mark.skipif(
    not generator.SOURCE.is_file(), reason="../shared/data/companies is absent"
)


@pytest.mark.parametrize(
    ("name", "region", "trade", "industries", "group", "branch"),
    [
        ("浙江瑞晟电子科技有限公司", "浙江", "瑞晟", {"electronics", "technology"}, False, False),
        ("浙江瑞晟電子科技有限公司", "浙江", "瑞晟", {"electronics", "technology"}, False, False),
        (
            "瑞晟电子科技（深圳）有限公司",
            "广东·深圳",
            "瑞晟",
            {"electronics", "technology"},
            False,
            False,
        ),
        ("广东省深圳市华为技术有限公司", "广东·深圳", "华为", {"technology"}, False, False),
        ("中国平安保险（集团）股份有限公司", "中国", "平安", {"insurance"}, True, False),
        ("瑞晟电子股份有限公司杭州分公司", None, "瑞晟", {"electronics"}, False, True),
        ("ＴＣＬ科技集团股份有限公司", None, "tcl", {"technology"}, True, False),
        ("万科Ａ", None, "万科", set(), False, False),
        ("*ST国华", None, "国华", set(), False, False),
        ("福建省福光电子股份有限公司", "福建", "福光", {"electronics"}, False, False),
    ],
)
def test_chinese_names_are_parsed(name, region, trade, industries, group, branch):
    parsed = parse(name)
    assert (parsed.region.label() if parsed.region else None) == region
    assert parsed.trade == trade
    assert set(parsed.industries) == industries
    assert (parsed.group, parsed.branch) == (group, branch)


@pytest.mark.parametrize(
    ("name", "region", "trade", "industries"),
    [
        ("Zhejiang Ruisheng Electronic Technology Co., Ltd.", "浙江", "ruisheng", {"electronics", "technology"}),
        ("Ruisheng Electronic Technology (Shenzhen) Co., Ltd.", "广东·深圳", "ruisheng", {"electronics", "technology"}),
        ("RUISHENG ELECTRONICS CO LTD", None, "ruisheng", {"electronics"}),
        ("Shaanxi Coal Industry Co Ltd", None, "shaanxi", {"coal"}),
        ("Inner Mongolia Yili Industrial Group Co., Ltd.", "内蒙古", "yili", set()),
        ("Shangluo Electronics", None, "shangluo", {"electronics"}),
    ],
)  # fmt: skip
def test_english_names_are_parsed(name, region, trade, industries):
    parsed = parse(name)
    assert (parsed.region.label() if parsed.region else None) == region
    assert parsed.trade == trade
    assert set(parsed.industries) == industries


BASE = "浙江瑞晟电子科技有限公司"


@pytest.mark.parametrize(
    ("other", "same", "reason"),
    [
        ("浙江瑞晟電子科技有限公司", True, "trade_same"),
        ("Zhejiang Ruisheng Electronic Technology Co., Ltd.", True, "trade_pinyin"),
        ("Ruisheng Electronics", True, "trade_pinyin"),
        ("Rui Sheng Electronic Tech", True, "trade_pinyin"),
        ("瑞晟电子", True, "trade_same"),
        ("瑞晟电子科技（浙江）有限公司", True, "region_same"),
        ("浙江瑞晟电子科技股份有限公司", True, "industry_same"),
        ("浙江 瑞晟 电子科技 有限公司", True, "trade_same"),
        ("江苏瑞晟电子科技有限公司", False, "region_conflict"),
        ("瑞晟电子科技（上海）有限公司", False, "region_conflict"),
        ("浙江瑞晟化工有限公司", False, "industry_conflict"),
        ("浙江瑞晟科技有限公司", False, "industry_conflict"),
        ("浙江瑞晟控股集团有限公司", False, "group_differs"),
        ("Ruisheng Holdings Group", False, "group_differs"),
        ("浙江瑞晟电子科技有限公司宁波分公司", False, "branch_differs"),
        ("浙江瑞盛电子科技有限公司", False, "trade_differs"),
        ("Rui Sheng Da Electronics", False, "trade_differs"),
    ],
)
def test_names_compare_with_reasons(other, same, reason):
    result = compare(Record.of([BASE]), Record.of([other]))
    assert result.same is same, result
    assert reason in result.codes()
    assert 0.0 <= result.score <= 1.0


def test_the_code_decides_first():
    code_a, code_b = "91250891JURQ283FQR", "9116929822BT5PRMU2"
    assert code_is_valid(code_a)
    assert code_is_valid(code_b)
    same = compare(Record.of(["甲公司"], code_a), Record.of(["Completely Different Ltd"], code_a))
    assert same.same
    assert same.codes() == ["code_same"]
    differ = compare(Record.of([BASE], code_a), Record.of([BASE], code_b))
    assert not differ.same
    assert differ.codes() == ["code_differs"]
    # An invalid code is no evidence either way: the names decide.
    typo = compare(Record.of([BASE], code_a), Record.of([BASE], code_b[:-1] + "0"))
    assert typo.same
    assert "code_differs" not in typo.codes()


def test_the_region_of_the_record_fills_a_name_without_one():
    inside = compare(Record.of(["瑞晟电子"], region="杭州市"), Record.of([BASE]))
    outside = compare(Record.of(["瑞晟电子"], region="深圳市"), Record.of([BASE]))
    assert inside.same
    assert not outside.same


def test_blocking_finds_variants_among_many():
    index: IdentityIndex[int] = IdentityIndex()
    for number in range(3000):
        index.add(
            number, Record.of([f"浙江{chr(0x4E00 + number)}{chr(0x4E8C + number)}化工有限公司"])
        )
    index.add(-1, Record.of([BASE], region="杭州市"))
    for variant in ("Ruisheng Electronics", "浙江瑞晟電子科技有限公司", "瑞晟电子"):
        # Blocking: the variant is compared with a few candidates, not with all 3,001 records
        # (speed itself is measured by benchmarks/identity_bench.py).
        assert len(index.candidates(prepare(Record.of([variant])))) < 100
        found = index.matches(Record.of([variant]))
        assert found
        assert found[0].key == -1
        assert found[0].comparison.same
    pairs = list(index.scan())
    assert all(-1 not in (a, b) for a, b, _ in pairs)


def test_the_handwritten_set():
    result = evaluate(load_pairs(HANDWRITTEN))
    assert result["precision"] == 1.0
    assert result["recall"] >= 0.75  # brand names (Moutai, Luxshare …) are not pinyin


@needs_shared
def test_the_labelled_set_from_listed_companies():
    data = generator.build()
    pairs = load_pairs(data)
    assert len(pairs) >= 2000
    kinds = {pair.kind for pair in pairs}
    assert {"traditional", "english_full", "abbreviation", "brackets", "legal_form"} <= kinds
    assert {"region_differs", "industry_differs", "group_subsidiary", "code_differs"} <= kinds
    result = evaluate(pairs)
    assert result["precision"] >= 0.99, result["mistakes"][:10]
    assert result["recall"] >= 0.95, result["mistakes"][:10]


def test_the_command_prints_json(capsys):
    assert identity_eval([str(HANDWRITTEN), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["pairs"] == 107
    assert printed["precision"] == 1.0
    assert "mistakes" not in printed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"format": "x", "pairs": []}, "format: must be"),
        ({"format": "goglobal-identity-eval/1", "pairs": [{"a": {}, "b": {}, "same": True}]}, "pairs[0].a.names"),
        ({"format": "goglobal-identity-eval/1", "pairs": [{"a": {"names": ["x"]}, "b": {"names": ["y"]}, "same": "yes"}]}, "pairs[0].same"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_with_the_field(tmp_path, capsys, content, message):
    path = tmp_path / "pairs.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    assert identity_eval([str(path)]) == 2
    assert message in capsys.readouterr().err
