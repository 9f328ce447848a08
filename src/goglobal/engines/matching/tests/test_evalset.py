import copy
import json

import pytest

from goglobal.engines.matching.cli import main
from goglobal.engines.matching.errors import FormatError
from goglobal.engines.matching.evalset import load_judged_set

TINY = {
    "format": "goglobal-match-eval/1",
    "providers": [
        {"id": "hk-001", "name_en": "Harbour Solicitors", "category": "law_firm",
         "needs": ["legal.setup"], "sectors": ["38"], "office_markets": ["VN"],
         "languages": ["en", "zh"], "capacity": 10,
         "description": "Company incorporation in Vietnam for power battery makers."},
        {"id": "hk-002", "name_zh_hant": "海港銀行", "category": "bank",
         "needs": ["banking.accounts"], "network_markets": ["VN"],
         "description": "本行提供跨境支付及銀行開戶服務。"},
    ],
    "queries": [
        {"id": "q1", "need": "legal.setup", "market": "VN",
         "enterprise": {"name_zh_hans": "深圳新能科技有限公司", "sector": "38",
                        "description": "动力电池制造商，计划在越南注册公司。",
                        "target_markets": ["VN"], "needs": ["legal.setup"]},
         "relevant": {"hk-001": 3}},
    ],
}  # fmt: skip


def broken(change):
    data = copy.deepcopy(TINY)
    change(data)
    return data


def test_tiny_set_loads_and_detects_query_language():
    judged = load_judged_set(TINY)

    assert [p.id for p in judged.providers] == ["hk-001", "hk-002"]
    assert judged.queries[0].language == "zh-hans"
    assert judged.queries[0].query.enterprise.languages == frozenset({"zh"})


def test_uncoded_providers_are_valid():
    data = broken(lambda d: d["providers"][0].update(needs=[]))
    data["providers"][1].pop("needs")

    judged = load_judged_set(data)

    assert [p.needs for p in judged.providers] == [frozenset(), frozenset()]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(format="x"), "format"),
        (lambda d: d.pop("providers"), "providers"),
        (lambda d: d["providers"][1].update(category="vendor"), "providers[1].category"),
        (lambda d: d["providers"][0].update(needs=["Legal"]), "providers[0].needs[0]"),
        (lambda d: d["providers"][0].update(needs="legal.setup"), "providers[0].needs"),
        (
            lambda d: d["providers"][0].update(office_markets=["XX"]),
            "providers[0].office_markets[0]",
        ),
        (lambda d: d["providers"][0].update(sectors=["C38"]), "providers[0].sectors[0]"),
        (lambda d: d["providers"][0].update(capacity=-1), "providers[0].capacity"),
        (lambda d: d["providers"][0].update(colour="red"), "providers[0].colour"),
        (lambda d: d["providers"][1].update(id="hk-001"), "providers[1].id"),
        (lambda d: d["queries"][0].pop("need"), "queries[0].need"),
        (lambda d: d["queries"][0]["relevant"].update({"hk-001": 4}), "queries[0].relevant.hk-001"),
        (lambda d: d["queries"][0]["relevant"].update({"hk-404": 1}), "queries[0].relevant.hk-404"),
        (lambda d: d["queries"][0]["enterprise"].update(sector=38), "queries[0].enterprise.sector"),
        (lambda d: d["queries"][0].update(conflicted=["nobody"]), "queries[0].conflicted[0]"),
        (lambda d: d.update(queries=[]), "queries"),
    ],
)
def test_errors_name_the_field_and_entry(change, where):
    with pytest.raises(FormatError) as raised:
        load_judged_set(broken(change))

    assert raised.value.where == where


def test_cli_prints_table_and_json(tmp_path, capsys):
    path = tmp_path / "set.json"
    path.write_text(json.dumps(TINY, ensure_ascii=False), encoding="utf-8")

    assert main([str(path)]) == 0
    assert "ndcg@10" in capsys.readouterr().out
    assert main(["match-eval", str(path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)

    assert figures["ndcg@10"] == 1.0
    assert figures["queries"] == 1
    assert set(figures["baselines"]) == {"bm25", "attributes", "blend"}
    assert figures["by_language"]["zh-hans"]["queries"] == 1


def test_cli_exit_code_two_with_one_line(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(broken(lambda d: d["providers"][0].update(needs=["Legal"]))))

    assert main([str(path)]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    assert main([str(tmp_path / "missing.json")]) == 2
    assert main([]) == 2
    assert main([str(path), "--bogus"]) == 2
