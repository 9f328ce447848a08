"""Build a labelled set of record pairs from the shared list of mainland listed companies.

``python -m goglobal.engines.identity.tests.pairs OUT.json [--source CSV] [--seed N]`` writes a
``goglobal-identity-eval/1`` file; the tests build the same set in memory. Nothing of the shared
file is committed: the set is generated where the file is present (../shared/data/companies/).

Each listed company's short name (平安银行, 万科Ａ, *ST国华) becomes a full registered-style name
(province or city, trade name, an industry word from its listed industry, a legal form) and
variants of it as people write them: Traditional script, English (pinyin trade name, English
industry and legal form), the short name, the region in brackets, another legal form, full-width
and spacing, a shared code. Hard negatives keep the trade name and change what makes another
enterprise: the region, the industry, group and subsidiary, a branch, a homophone or a longer
trade name, a different code.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import opencc
from pypinyin import Style, lazy_pinyin

REPO_ROOT = Path(__file__).resolve().parents[5]
SOURCE = REPO_ROOT.parent / "shared" / "data" / "companies" / "cn_a_share_stock_basic.csv"
FORMAT = "goglobal-identity-eval/1"

# Listed industry → (Chinese words a registered name may carry, English words).
INDUSTRY: dict[str, tuple[list[str], list[str]]] = {
    "电气设备": (["电气", "电气设备", "电力设备"], ["Electric", "Electrical Equipment"]),
    "元器件": (["电子", "电子科技", "电子元件"], ["Electronics", "Electronic Technology"]),
    "专用机械": (["机械", "装备", "智能装备"], ["Machinery", "Equipment", "Intelligent Equipment"]),
    "软件服务": (["软件", "信息技术", "信息科技"], ["Software", "Information Technology"]),
    "汽车配件": (["汽车部件", "汽车零部件", "汽配"], ["Auto Parts", "Automotive Components"]),
    "化工原料": (["化工", "化学", "新材料"], ["Chemical", "Chemicals", "New Materials"]),
    "半导体": (["半导体", "微电子", "集成电路"], ["Semiconductor", "Microelectronics"]),
    "医疗保健": (["医疗器械", "医疗科技", "医疗"], ["Medical", "Medical Technology"]),
    "化学制药": (["药业", "制药", "医药"], ["Pharmaceutical", "Pharmaceuticals"]),
    "通信设备": (["通信", "通讯", "通信技术"], ["Communication", "Telecommunications"]),
    "机械基件": (["精密机械", "轴承", "机械"], ["Precision Machinery", "Bearing", "Machinery"]),
    "建筑工程": (["建设", "建工", "建筑工程"], ["Construction", "Construction Engineering"]),
    "环境保护": (["环保", "环境科技", "环境"], ["Environmental", "Environmental Technology"]),
    "电器仪表": (["仪表", "仪器", "电器"], ["Instruments", "Instrument"]),
    "食品": (["食品"], ["Food", "Foods"]),
    "家用电器": (["电器", "家电"], ["Electric Appliances", "Appliances"]),
    "生物制药": (["生物", "生物科技", "生物医药"], ["Biotech", "Biological", "Biotechnology"]),
    "互联网": (["网络", "网络科技", "互联网"], ["Network", "Internet", "Network Technology"]),
    "IT设备": (["信息", "数码", "智能科技"], ["Information", "Digital", "Smart Technology"]),
    "银行": (["银行"], ["Bank"]),
    "证券": (["证券"], ["Securities"]),
    "保险": (["保险"], ["Insurance"]),
    "航空": (["航空"], ["Airlines", "Aviation"]),
    "仓储物流": (["物流", "供应链"], ["Logistics", "Supply Chain"]),
    "服饰": (["服饰", "服装"], ["Apparel", "Fashion"]),
    "纺织": (["纺织"], ["Textile", "Textiles"]),
    "造纸": (["纸业"], ["Paper"]),
    "白酒": (["酒业"], ["Liquor"]),
    "乳制品": (["乳业"], ["Dairy"]),
    "玻璃": (["玻璃"], ["Glass"]),
    "水泥": (["水泥"], ["Cement"]),
    "港口": (["港口", "港务"], ["Port"]),
    "水务": (["水务"], ["Water"]),
    "煤炭开采": (["煤业", "能源"], ["Coal", "Energy"]),
    "火力发电": (["电力", "能源"], ["Power", "Energy"]),
    "塑料": (["塑料", "塑胶"], ["Plastics"]),
    "饲料": (["饲料"], ["Feed"]),
    "陶瓷": (["陶瓷"], ["Ceramics"]),
    "船舶": (["船舶", "海工"], ["Shipbuilding", "Marine"]),
    "橡胶": (["橡胶", "轮胎"], ["Rubber", "Tyre"]),
}
# For "same trade name, different industry" negatives: an industry far from any listed one.
OTHER_INDUSTRIES = [
    ("化工", "Chemical"),
    ("食品", "Food"),
    ("物流", "Logistics"),
    ("纺织", "Textile"),
    ("房地产", "Real Estate"),
    ("银行", "Bank"),
    ("酒业", "Liquor"),
    ("服饰", "Apparel"),
    ("电子", "Electronics"),
    ("制药", "Pharmaceutical"),
    ("保险", "Insurance"),
    ("陶瓷", "Ceramics"),
]
PROVINCES = {
    "北京": ("北京市", "Beijing"),
    "天津": ("天津市", "Tianjin"),
    "上海": ("上海市", "Shanghai"),
    "重庆": ("重庆市", "Chongqing"),
    "河北": ("河北省", "Hebei"),
    "山西": ("山西省", "Shanxi"),
    "内蒙": ("内蒙古", "Inner Mongolia"),
    "辽宁": ("辽宁省", "Liaoning"),
    "吉林": ("吉林省", "Jilin"),
    "黑龙江": ("黑龙江省", "Heilongjiang"),
    "江苏": ("江苏省", "Jiangsu"),
    "浙江": ("浙江省", "Zhejiang"),
    "安徽": ("安徽省", "Anhui"),
    "福建": ("福建省", "Fujian"),
    "江西": ("江西省", "Jiangxi"),
    "山东": ("山东省", "Shandong"),
    "河南": ("河南省", "Henan"),
    "湖北": ("湖北省", "Hubei"),
    "湖南": ("湖南省", "Hunan"),
    "广东": ("广东省", "Guangdong"),
    "深圳": ("深圳市", "Shenzhen"),
    "广西": ("广西壮族自治区", "Guangxi"),
    "海南": ("海南省", "Hainan"),
    "四川": ("四川省", "Sichuan"),
    "贵州": ("贵州省", "Guizhou"),
    "云南": ("云南省", "Yunnan"),
    "西藏": ("西藏自治区", "Tibet"),
    "陕西": ("陕西省", "Shaanxi"),
    "甘肃": ("甘肃省", "Gansu"),
    "青海": ("青海省", "Qinghai"),
    "宁夏": ("宁夏回族自治区", "Ningxia"),
    "新疆": ("新疆维吾尔自治区", "Xinjiang"),
}
# A city of another province, for subsidiaries and branches: (Chinese, English, province key).
CITIES = [
    ("深圳", "Shenzhen", "深圳"),
    ("上海", "Shanghai", "上海"),
    ("苏州", "Suzhou", "江苏"),
    ("杭州", "Hangzhou", "浙江"),
    ("成都", "Chengdu", "四川"),
    ("武汉", "Wuhan", "湖北"),
    ("天津", "Tianjin", "天津"),
    ("西安", "Xi'an", "陕西"),
    ("厦门", "Xiamen", "福建"),
    ("青岛", "Qingdao", "山东"),
    ("香港", "Hong Kong", "香港"),
]
# Characters and a different character read the same way (homophones) for hard negatives.
HOMOPHONES = {
    "晟": "盛", "华": "桦", "利": "力", "安": "按", "新": "鑫", "达": "大", "明": "铭",
    "海": "凯", "源": "元", "天": "田", "信": "鑫", "通": "同", "龙": "隆", "金": "锦",
    "光": "广", "中": "忠", "泰": "太", "宏": "鸿", "科": "可", "兴": "星", "德": "得",
    "力": "立", "康": "抗", "美": "镁", "东": "冬", "方": "芳", "国": "果", "电": "店",
}  # fmt: skip
_LISTING = re.compile(r"^(\*?ST|S\*ST|SST|N|C|XD|XR|DR)|(Ａ|Ｂ|A|B|-U|-W|-UW|U|W)$")


@dataclass(frozen=True)
class Company:
    short: str  # as listed (万科Ａ)
    core: str  # without listing marks (万科)
    area: str
    industry: str


def companies(source: Path = SOURCE) -> list[Company]:
    found: list[Company] = []
    seen: set[str] = set()
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["status"] != "L" or row["area"] not in PROVINCES:
                continue
            core = _LISTING.sub("", row["name"].strip())
            core = _LISTING.sub("", core)
            if len(core) < 2 or core in seen or not re.fullmatch(r"[\u4e00-\u9fffA-Z]+", core):
                continue
            seen.add(core)
            found.append(Company(row["name"].strip(), core, row["area"], row["industry"]))
    return found


def _check_character(first17: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights, strict=True))
    return alphabet[(31 - total % 31) % 31]


def make_code(rng: random.Random) -> str:
    body = (
        "91"
        + f"{rng.randrange(110000, 660000):06d}"
        + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    )
    return body + _check_character(body)


def pinyin_title(text: str, spaced: bool = False) -> str:
    syllables = [s for s in lazy_pinyin(text, style=Style.NORMAL) if s.strip()]
    if spaced:
        return " ".join(s.capitalize() for s in syllables)
    return "".join(syllables).capitalize()


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.s2t = opencc.OpenCC("s2t")
        self.s2hk = opencc.OpenCC("s2hk")
        self.pairs: list[dict[str, Any]] = []

    def add(self, kind: str, same: bool, a: dict[str, Any], b: dict[str, Any]) -> None:
        if not same and a["names"] == b["names"] and a.get("code") == b.get("code"):
            return  # a "variant" that changed nothing
        self.pairs.append(
            {"id": f"p{len(self.pairs) + 1:05d}", "kind": kind, "same": same, "a": a, "b": b}
        )

    def parts(self, company: Company) -> tuple[str, str, str, str, str]:
        """(core of the name in Chinese, industry word, region Chinese, region English,
        English industry), the same every time for one company."""
        from goglobal.engines.identity.names import parse

        words_zh, words_en = INDUSTRY.get(company.industry, ([""], [""]))
        index = sum(map(ord, company.core)) % len(words_zh)
        industry_zh = words_zh[index]
        industry_en = words_en[min(index, len(words_en) - 1)]
        region_zh, region_en = PROVINCES[company.area]
        core = company.core.removesuffix("股份").removesuffix("公司")
        parsed = parse(core)
        if core.endswith("科技") or (parsed.industries and parsed.trade != core):
            # The short name already says its industry (格力电器, 运达科技).
            industry_zh, industry_en = "", _english_industry(parsed.industry_text)
        return core, industry_zh, region_zh, region_en, industry_en

    def full(self, company: Company, form: str = "股份有限公司") -> str:
        core, industry, region, _, _ = self.parts(company)
        short_region = region.rstrip("省市")
        prefix = "" if core.startswith((short_region[:2], "中国")) else region
        return f"{prefix}{core}{industry}{form}"

    def english(self, company: Company, core_zh: str, full: bool) -> str:
        _, _, _, region_en, industry_en = self.parts(company)
        trade = core_zh
        trade_en = pinyin_title(trade, spaced=self.rng.random() < 0.15)
        words = [trade_en]
        if "集团" in company.core or (full and "集团" in self.full(company)):
            words.append("Group")
        if industry_en:
            words.append(industry_en)
        if not full:
            return " ".join(words)
        form = self.rng.choice(["Co., Ltd.", "Company Limited", "Co. Ltd", "Corporation Limited"])
        if self.rng.random() < 0.3:
            return f"{' '.join(words)} ({region_en}) {form}"
        if self.rng.random() < 0.7:
            words.insert(0, region_en)
        return f"{' '.join(words)} {form}"


def _english_industry(text: str) -> str:
    """English for the industry words a short name ends with (电器 → Electric Appliances)."""
    for words_zh, words_en in INDUSTRY.values():
        for position, word in enumerate(words_zh):
            if text.endswith(word):
                return words_en[min(position, len(words_en) - 1)]
    return "Technology" if text.endswith("科技") else ""


def _trade(core: str) -> str:
    """The company's trade name: the core less a trailing industry word (for English)."""
    from goglobal.engines.identity.names import parse

    parsed = parse(core)
    return parsed.trade if not parsed.trade_is_region else core


def build(source: Path = SOURCE, seed: int = 17, limit: int | None = None) -> dict[str, Any]:
    builder = Builder(seed)
    listed = companies(source)
    builder.rng.shuffle(listed)
    if limit:
        listed = listed[:limit]
    for position, company in enumerate(listed):
        for kind, same, a, b in _variants(builder, company, listed, position):
            builder.add(kind, same, a, b)
    return {"format": FORMAT, "source": "cn_a_share_stock_basic.csv", "pairs": builder.pairs}


def _variants(  # noqa: C901 - one branch per kind of variant
    builder: Builder, company: Company, listed: list[Company], position: int
) -> Iterator[tuple[str, bool, dict[str, Any], dict[str, Any]]]:
    rng = builder.rng
    full = builder.full(company)
    core, industry, region_zh, _, _ = builder.parts(company)
    trade = _trade(core)
    base = {"names": [full]}
    from goglobal.engines.identity.names import parse
    from goglobal.engines.identity.vocabulary import zh_terms

    # English variants need a trade name to spell; 北京银行 is the Bank of Beijing.
    spellable = trade not in zh_terms() and not parse(core).trade_is_region
    spellable = spellable and not core.startswith(region_zh.rstrip("省市")[:2])
    pick = position % 6
    # Positives: one or two per company, rotating through the kinds.
    if pick == 0:
        converter = builder.s2hk if rng.random() < 0.5 else builder.s2t
        yield "traditional", True, base, {"names": [converter.convert(full)]}
    if pick == 1 and spellable:
        english = builder.english(company, trade, full=True)
        yield "english_full", True, base, {"names": [english]}
    if pick == 2:
        yield "abbreviation", True, base, {"names": [company.short if rng.random() < 0.5 else core]}
    if pick == 3 and core.startswith("中国"):
        yield "legal_form", True, base, {"names": [full.replace("股份有限公司", "有限公司")]}
    elif pick == 3:
        form = rng.choice(["有限公司", "股份有限公司"])
        yield (
            "brackets",
            True,
            base,
            {"names": [f"{core}{industry}（{region_zh.rstrip('省市')}）{form}"]},
        )
    if pick == 4:
        form = rng.choice(["有限公司", "有限责任公司", ""])
        yield "legal_form", True, base, {"names": [builder.full(company, form)]}
    if pick == 5:
        spaced = full.replace("有限公司", " 有限公司").replace("(", "（")
        wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in spaced)
        yield "width_spacing", True, base, {"names": [wide]}
    if position % 4 == 0 and spellable:
        yield "english_short", True, base, {"names": [builder.english(company, trade, full=False)]}
    if position % 5 == 1 and spellable:
        converter = builder.s2hk
        english = builder.english(company, trade, full=True)
        yield (
            "traditional_english",
            True,
            {"names": [converter.convert(full)]},
            {"names": [english]},
        )
    if position % 9 == 2:
        code = make_code(rng)
        other = listed[(position + 7) % len(listed)]
        yield (
            "code_same",
            True,
            {"names": [full], "code": code},
            {
                "names": [builder.english(other, _trade(other.core), full=True)],
                "code": code,
            },
        )
    # Hard negatives.
    short_region = region_zh.rstrip("省市")
    named_after_region = core.startswith(short_region[:2])
    if pick in (0, 3) and not named_after_region:
        other_area = rng.choice([a for a in PROVINCES if a != company.area and a != "深圳"])
        other_region = PROVINCES[other_area][0]
        if company.area == "深圳" and other_area == "广东":
            other_region = "北京市"
        yield "region_differs", False, base, {"names": [f"{other_region}{core}{industry}有限公司"]}
    if pick in (1, 4):
        choices = [
            (zh, en) for zh, en in OTHER_INDUSTRIES if zh not in (industry, core[-2:], core[-3:])
        ]
        zh, _ = rng.choice(choices)
        prefix = "" if named_after_region else region_zh
        yield "industry_differs", False, base, {"names": [f"{prefix}{trade}{zh}有限公司"]}
    if pick == 2 and "集团" not in full:
        prefix = "" if named_after_region else region_zh
        yield "group_subsidiary", False, base, {"names": [f"{prefix}{trade}集团有限公司"]}
    if pick == 5:
        city_zh, _, _ = rng.choice([c for c in CITIES if c[2] != company.area])
        if rng.random() < 0.5:
            name = f"{core}{industry}（{city_zh}）有限公司"
        else:
            name = f"{full}{city_zh}分公司"
        yield "group_subsidiary", False, base, {"names": [name]}
    if position % 7 == 3:
        yield (
            "code_differs",
            False,
            {"names": [full], "code": make_code(rng)},
            {
                "names": [builder.s2t.convert(full)],
                "code": make_code(rng),
            },
        )
    if position % 6 == 4:
        swapped = "".join(HOMOPHONES.get(ch, ch) for ch in trade)
        if swapped != trade:
            yield "homophone", False, base, {"names": [full.replace(trade, swapped, 1)]}
        else:
            longer = trade + rng.choice("达源盛通华")
            yield "longer_trade", False, base, {"names": [full.replace(trade, longer, 1)]}
    if position % 8 == 5:
        other = listed[(position + 1) % len(listed)]
        yield "other_company", False, base, {"names": [builder.full(other)]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--seed", type=int, default=17)
    options = parser.parse_args(argv)
    data = build(options.source, options.seed)
    options.output.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(data['pairs'])} pairs written to {options.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
