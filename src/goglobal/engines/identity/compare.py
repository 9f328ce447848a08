"""Compare two enterprise records: the Unified Social Credit Code first, then the names.

Two valid codes decide alone: equal codes are one legal entity, different codes two. Without
two valid codes, the names decide: the trade names must agree (the same Chinese characters, or
an English name spelling the Chinese one in pinyin), and region, industry, group and branch
must not contradict each other. The score is in [0, 1]; ``same`` is ``score >= THRESHOLD``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from goglobal.engines.identity.names import ParsedName, parse
from goglobal.engines.identity.regions import Region, region_of_text, region_relation
from goglobal.engines.identity.romanise import initials, is_pinyin, matches
from goglobal.engines.identity.vocabulary import TECHNICAL, WEAK, en_terms, related, zh_terms

THRESHOLD = 0.72
REVIEW = 0.5  # candidates an officer may want to look at

_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CODE_NOISE = re.compile(r"[\s-]")
_CODE_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def clean_code(code: str | None) -> str:
    """The code folded (width, case, spaces), or ``""``."""
    if not code:
        return ""
    return _CODE_NOISE.sub("", unicodedata.normalize("NFKC", code)).upper()


def code_is_valid(code: str) -> bool:
    """GB 32100-2015: shape and check character."""
    if not _CODE_SHAPE.match(code):
        return False
    pairs = zip(code[:17], _CODE_WEIGHTS, strict=True)
    total = sum(_CODE_ALPHABET.index(ch) * weight for ch, weight in pairs)
    return _CODE_ALPHABET[(31 - total % 31) % 31] == code[17]


@dataclass(frozen=True, slots=True)
class Record:
    """What is known of one enterprise. ``names``: Chinese and/or English names and aliases;
    ``region``: a place name (深圳市, Shenzhen) used when a name carries none; ``sector``: a
    GB/T 4754 division code, if known."""

    names: tuple[str, ...]
    code: str = ""
    region: str = ""
    sector: str = ""

    @classmethod
    def of(
        cls,
        names: Iterable[str | None],
        code: str | None = None,
        region: str | None = None,
        sector: str | None = None,
    ) -> Record:
        kept = tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        return cls(kept, clean_code(code), (region or "").strip(), (sector or "").strip())


@dataclass(frozen=True, slots=True)
class Reason:
    """``code`` is stable (for translation); ``detail`` is English for logs and the CLI."""

    code: str
    detail: str


@dataclass(frozen=True, slots=True)
class Comparison:
    score: float
    same: bool
    reasons: tuple[Reason, ...] = field(default=())

    def codes(self) -> list[str]:
        return [reason.code for reason in self.reasons]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A record with its names parsed, ready for many comparisons."""

    record: Record
    zh: tuple[ParsedName, ...]
    en: tuple[ParsedName, ...]
    code_valid: bool
    region_hint: Region | None


def prepare(record: Record) -> Prepared:
    parsed = [parse(name) for name in record.names]
    return Prepared(
        record,
        tuple(p for p in parsed if p.script == "zh" and p.trade),
        tuple(p for p in parsed if p.script == "en" and (p.trade or p.trade_is_region)),
        code_is_valid(record.code) if record.code else False,
        region_of_text(record.region) if record.region else None,
    )


def _trade(a: ParsedName, b: ParsedName) -> tuple[float, Reason]:  # noqa: C901 - one case each
    """How well two trade names agree: 0 when they do not."""
    if a.trade_is_region or b.trade_is_region:
        if a.trade_is_region and b.trade_is_region and a.region == b.region:
            place = a.region.label() if a.region else ""
            return 0.6, Reason("trade_same", f"both named after {place}")
        if a.script == b.script == "zh" and a.trade == b.trade:
            return 0.6, Reason("trade_same", f"trade name {a.trade}")
        return 0.0, Reason("trade_differs", "trade names differ")
    if a.script == "zh" and b.script == "zh":
        if a.trade == b.trade:
            return 0.6, Reason("trade_same", f"trade name {a.trade}")
        if a.trade in b.trade_options() or b.trade in a.trade_options():
            return 0.55, Reason("trade_same", f"trade name {min(a.trade, b.trade, key=len)}…")
        short, long = sorted((a, b), key=lambda name: len(name.trade))
        if len(short.trade) >= 2 and long.trade.startswith(short.trade):
            extra = long.trade[len(short.trade) :]
            strong = short.industries - WEAK
            agree = not strong or bool(strong & long.industries)
            if len(extra) >= 2 and agree and not (long.registered and short.registered):
                # 瑞晟 and 瑞晟精细 (化工): an industry word the vocabulary does not know
                # left in the trade name; one extra character (瑞晟达) is another name, and so
                # is an unknown word beside another industry (瑞晟纳米, 瑞晟电子科技).
                return 0.5, Reason("trade_same", f"trade name {short.trade}…")
        abbreviated = _province_abbreviation(a, b) or _province_abbreviation(b, a)
        if abbreviated:
            return 0.5, Reason("trade_same", f"trade name {abbreviated}")
        return 0.0, Reason("trade_differs", f"trade names differ: {a.trade} / {b.trade}")
    if a.script == "en" and b.script == "en":
        if a.trade == b.trade:
            return 0.6, Reason("trade_same", f"trade name {a.original}")
        return 0.0, Reason("trade_differs", "trade names differ")
    zh, en = (a, b) if a.script == "zh" else (b, a)
    for position, option in enumerate(zh.trade_options()):
        spelled_score = _spelled(option, en.trade_words)
        if spelled_score:
            score = spelled_score - (0.05 if position else 0.0)
            return score, Reason("trade_pinyin", f"{option} is spelled {en.trade}")
    words = en.trade_words
    terms = en_terms()
    partial = _spelled_prefix(zh.trade, words, bool(en.industries - zh.industries))
    if partial:
        return 0.45, Reason("trade_pinyin", f"{partial} is spelled in {en.trade}")
    zh_concepts = zh_terms().get(zh.trade)
    if zh_concepts and words:
        # 陕西煤业 and "Shaanxi Coal": the trade name is an industry word, said in English.
        said = en.industries
        if all(word in terms for word in words):
            said = said | frozenset().union(*(terms[word] for word in words))
        elif not (zh.region and region_of_text("".join(words)) == zh.region):
            said = frozenset()
        if zh_concepts & said:
            return 0.5, Reason("trade_translated", f"{zh.trade} is {' '.join(words)}")
    if en.acronym and len(words) == 1 and words[0] in initials(zh.trade) and len(zh.trade) >= 2:
        return 0.48, Reason("trade_initials", f"{words[0].upper()} are the initials of {zh.trade}")
    return 0.0, Reason("trade_differs", f"{en.original} does not spell {zh.trade}")


# One-character names of provinces and municipalities that open exchange short names (深康佳 is
# 深圳康佳, 粤电力 广东电力).
_ABBREVIATIONS = {
    "深": ("广东", "深圳"), "沪": ("上海", None), "京": ("北京", None), "津": ("天津", None),
    "渝": ("重庆", None), "粤": ("广东", None), "浙": ("浙江", None), "苏": ("江苏", None),
    "鲁": ("山东", None), "川": ("四川", None), "闽": ("福建", None), "湘": ("湖南", None),
    "鄂": ("湖北", None), "豫": ("河南", None), "皖": ("安徽", None), "赣": ("江西", None),
    "桂": ("广西", None), "琼": ("海南", None), "黔": ("贵州", None), "滇": ("云南", None),
    "陕": ("陕西", None), "晋": ("山西", None), "冀": ("河北", None), "辽": ("辽宁", None),
}  # fmt: skip


def _province_abbreviation(short: ParsedName, full: ParsedName) -> str:
    """``short``'s trade name is a province's one-character name and ``full``'s trade name, and
    ``full`` is in that province: 深康佳 and 深圳康佳…."""
    if len(short.trade) < 3 or short.trade[1:] != full.trade or full.region is None:
        return ""
    place = _ABBREVIATIONS.get(short.trade[0])
    if place is None or place[0] != full.region.province:
        return ""
    if place[1] is not None and full.region.city not in (None, place[1]):
        return ""
    return full.trade


def _spelled(trade: str, words: tuple[str, ...]) -> float:
    """0.55 when ``words`` spell ``trade`` in pinyin, 0.45 when English words follow."""
    terms = en_terms()
    for size in range(1, len(words) + 1):
        spelled = "".join(words[:size])
        if matches(trade, spelled):
            rest = words[size:]
            if not rest:
                return 0.55
            if any(is_pinyin(word) and word not in terms for word in rest):
                return 0.0
            return 0.45
    return 0.0


def _spelled_prefix(trade: str, words: tuple[str, ...], says_more: bool) -> str:
    """The head of ``trade`` the leading ``words`` spell when the rest of ``trade`` (two
    characters or more, such as 纳米 or 液压) is said by the English words after them
    (Hengtai Nano, Hengli Hydraulic), or by its industry words (``says_more``: Boruida Solar
    Energy for 博睿达光能); ``""`` when none. Pinyin left over (瑞晟达 and "Ruisheng Da") is
    another name."""
    for cut in range(len(trade) - 2, 1, -1):
        head = trade[:cut]
        for size in range(1, len(words) + 1):
            if matches(head, "".join(words[:size])):
                rest = words[size:]
                if rest and all(not is_pinyin(word) for word in rest):
                    return head
                if not rest and says_more:
                    return head
                return ""
    return ""


def _region_as_trade(a: ParsedName, b: ParsedName) -> tuple[ParsedName, ParsedName] | None:
    """When an English name's leading "region" is really the trade name (Jian Fa He Cheng is
    建发合诚, not 吉安), the two names with that English name re-read without the region."""
    if a.script == b.script:
        return None
    zh, en = (a, b) if a.script == "zh" else (b, a)
    if not en.region_words:
        return None
    words = (*en.region_words, *en.trade_words)
    if not _spelled(zh.trade, words):
        return None
    reread = replace(en, region=None, trade_words=words, trade="".join(words), region_words=())
    return (zh, reread) if a is zh else (reread, zh)


def _industry(a: ParsedName, b: ParsedName) -> tuple[str, Reason]:
    strong_a, strong_b = a.industries - WEAK, b.industries - WEAK
    if strong_a and strong_b:
        if strong_a & strong_b:
            if strong_a == strong_b:
                return "same", Reason("industry_same", "same industry")
            return "compatible", Reason("industry_compatible", "related industry words")
        if related(strong_a, strong_b):
            return "related", Reason("industry_related", "related industries")
        return "conflict", Reason(
            "industry_conflict", f"different industries: {a.industry_text} / {b.industry_text}"
        )
    if not a.industries or not b.industries:
        return "unknown", Reason("industry_unknown", "one name says no industry")
    if a.industries & b.industries:
        return "compatible", Reason("industry_compatible", "industry words agree")
    if not strong_a and not strong_b:
        return "related", Reason("industry_related", "general industry words")
    # One says only 科技 / 智能 ("technology"), the other something precise.
    precise = strong_a or strong_b
    if precise <= TECHNICAL:
        return "related", Reason("industry_related", "a technology company of that kind")
    return "conflict", Reason(
        "industry_conflict", f"different industries: {a.industry_text} / {b.industry_text}"
    )


def _group_counts(a: ParsedName, b: ParsedName) -> bool:
    """Whether a group/non-group difference means two enterprises: when the name without
    "group" is a registered name (伊利股份 is how the group's listed company is known), and
    across scripts only when the English says "Group" (translations often drop it)."""
    other = b if a.group else a
    if not other.registered:
        return False
    if a.script == b.script:
        return True
    english = a if a.script == "en" else b
    return english.group


def _names(  # noqa: C901 - one step per part of the name
    a: ParsedName, b: ParsedName, ra: Region | None, rb: Region | None
) -> Comparison:
    trade_score, trade_reason = _trade(a, b)
    if trade_score == 0:
        reread = _region_as_trade(a, b)
        if reread is None:
            return Comparison(0.1, False, (trade_reason,))
        a, b = reread
        trade_score, trade_reason = _trade(a, b)
    reasons = [trade_reason]
    score = trade_score
    cap = 1.0
    relation = region_relation(a.region or ra, b.region or rb)
    both_registered = a.script == b.script == "zh" and a.registered and b.registered
    if both_registered and a.region and b.region and relation in ("within", "unknown"):
        # 浙江瑞晟… and 杭州瑞晟… are registered by two authorities: two enterprises.
        relation = "conflict"
    score += {"same": 0.25, "within": 0.2, "unknown": 0.15, "conflict": 0.0}[relation]
    region_a, region_b = a.region or ra, b.region or rb
    if relation == "conflict":
        cap = 0.3
        detail = f"different regions: {region_a.label() if region_a else ''} / "
        reasons.append(Reason("region_conflict", detail + (region_b.label() if region_b else "")))
    elif relation != "unknown":
        reasons.append(Reason(f"region_{relation}", "same region"))
    industry, industry_reason = _industry(a, b)
    if both_registered and industry != "conflict" and a.industry_text != b.industry_text:
        # Two registered names in one region are two registrations unless only the legal form,
        # the script or the place of the region differ: 瑞晟科技 and 瑞晟电子 are two companies.
        industry = "conflict"
        industry_reason = Reason(
            "industry_conflict", f"different industries: {a.industry_text} / {b.industry_text}"
        )
    score += {"same": 0.15, "compatible": 0.12, "related": 0.07, "unknown": 0.1, "conflict": 0.0}[
        industry
    ]
    if industry == "conflict":
        cap = min(cap, 0.3)
    elif (
        industry == "unknown"
        and a.script == b.script == "zh"
        and a.registered
        and b.registered
        and bool(a.industries - WEAK) != bool(b.industries - WEAK)
    ):
        # Two registered names, one with an industry the other lacks: 瑞晟有限公司 and
        # 瑞晟化工有限公司 are two enterprises more often than one.
        cap = min(cap, 0.6)
        industry_reason = Reason("industry_missing", "only one registered name has an industry")
    if industry != "unknown" or industry_reason.code == "industry_missing":
        reasons.append(industry_reason)
    if a.has_form and b.has_form and a.group != b.group and _group_counts(a, b):
        cap = min(cap, 0.35)
        reasons.append(Reason("group_differs", "a group company and a company of the group"))
    if a.branch != b.branch:
        cap = min(cap, 0.3)
        reasons.append(Reason("branch_differs", "a company and its branch"))
    final = round(min(score, cap), 3)
    return Comparison(final, final >= THRESHOLD, tuple(reasons))


def _pairs(a: Prepared, b: Prepared) -> Sequence[tuple[ParsedName, ParsedName]]:
    if a.zh and b.zh:
        return [(x, y) for x in a.zh for y in b.zh]
    return [(x, y) for x in (*a.zh, *a.en) for y in (*b.zh, *b.en)]


def compare_prepared(a: Prepared, b: Prepared) -> Comparison:
    if a.code_valid and b.code_valid:
        if a.record.code == b.record.code:
            return Comparison(1.0, True, (Reason("code_same", "same Unified Social Credit Code"),))
        return Comparison(
            0.0, False, (Reason("code_differs", "different Unified Social Credit Codes"),)
        )
    best: Comparison | None = None
    for x, y in _pairs(a, b):
        result = _names(x, y, a.region_hint, b.region_hint)
        if best is None or result.score > best.score:
            best = result
    if best is None:
        return Comparison(0.0, False, (Reason("no_names", "a record has no usable name"),))
    sector_a, sector_b = a.record.sector, b.record.sector
    if best.score > 0.1 and sector_a and sector_b:
        if sector_a == sector_b:
            score = min(1.0, best.score + 0.03)
            reasons = (*best.reasons, Reason("sector_same", f"same sector {sector_a}"))
        else:
            score = best.score - 0.05
            reasons = (*best.reasons, Reason("sector_differs", f"sectors {sector_a} / {sector_b}"))
        best = Comparison(round(score, 3), score >= THRESHOLD, reasons)
    return best


def compare(a: Record, b: Record) -> Comparison:
    """Score and reasons for whether ``a`` and ``b`` are the same enterprise."""
    return compare_prepared(prepare(a), prepare(b))
