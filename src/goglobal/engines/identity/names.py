"""Parse a company name into region, trade name, industry and legal form.

Chinese names follow 行政区划 + 字号 + 行业 + 组织形式 (浙江 + 瑞晟 + 电子科技 + 有限公司), with
the region sometimes in brackets after the trade name (瑞晟电子科技（浙江）有限公司). English
names are split into words; region, legal-form and industry words are recognised and what is
left is the trade name, compared with the Chinese trade name through its pinyin.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import opencc

from goglobal.engines.identity.regions import (
    Region,
    region_from_zh,
    region_of_text,
    region_relation,
)
from goglobal.engines.identity.vocabulary import (
    BRANCH_EN,
    BRANCH_ZH,
    LEGAL_FORMS_EN,
    LEGAL_FORMS_ZH,
    en_terms,
    zh_term_lengths,
    zh_terms,
)
from goglobal.engines.text import normalise

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BRACKETS = re.compile(r"[(\[{【〔]([^()\[\]{}【】〔〕]*)[)\]}】〕]")
_DROP_ZH = re.compile(r"[\s·•・,，、.。:：;；'\"“”‘’`*\-—_/&＆+]")
_WORD = re.compile(r"[a-z0-9]+")
_DISTRICT = re.compile(r"^[\u4e00-\u9fff]{2,4}?(新区|开发区|高新区|自治县|区|县)")
# Marks the exchanges add to short names: *ST, ST, N (new listing), trailing A/B and -U/-W.
_LISTING_HEAD = re.compile(r"^(\*?s?\*?st|xd|xr|dr|n(?=[\u3400-\u9fff]))")
_LISTING_TAIL = re.compile(r"(?<=[\u3400-\u9fff])(-?[uw]{1,2}|a|b)$")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """One name, parsed. ``trade`` is folded Chinese for Chinese names, a list of lower-case words
    for English ones (``trade_words``); ``industries`` are concepts from the vocabulary."""

    original: str
    script: str  # "zh" or "en"
    trade: str
    region: Region | None = None
    industries: frozenset[str] = frozenset()
    industry_text: str = ""
    legal_form: str = ""
    group: bool = False
    branch: bool = False
    trade_words: tuple[str, ...] = ()
    leftover: tuple[str, ...] = field(default=())
    acronym: bool = False
    trade_is_region: bool = False
    region_words: tuple[str, ...] = ()

    @property
    def has_form(self) -> bool:
        return bool(self.legal_form)

    def trade_options(self) -> tuple[str, ...]:
        """The trade name and longer readings of it where what follows is still industry
        words: 盈方微电子 may be 盈方 + 微电子 or 盈方微 + 电子, so 盈方 and 盈方微 are tried."""
        if self.script != "zh" or not self.industry_text:
            return (self.trade,)
        return _trade_options(self.trade, self.industry_text)

    @property
    def registered(self) -> bool:
        """Whether this is a full registered name (ends in 公司 or a partnership's form)."""
        if self.script == "zh":
            return "公司" in self.legal_form or "合伙" in self.legal_form
        return bool(set(self.legal_form.split()) & {"ltd", "limited", "inc", "corporation"})


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """NFKC width, casefold, Simplified script (the shared text normaliser), then once more
    through Traditional and back, so that characters OpenCC maps one way only (钜 → 鉅 → 巨)
    fold alike whichever script a name was written in."""
    simplified = normalise(unicodedata.normalize("NFKC", text or ""))
    if not _HAN.search(simplified):
        return simplified
    return normalise(_to_traditional().convert(simplified))


def is_chinese(text: str) -> bool:
    return bool(_HAN.search(text or ""))


def parse(name: str) -> ParsedName:
    """Parse ``name`` as Chinese when it holds a Han character, else as English."""
    return _parse_cached(name.strip())


@lru_cache(maxsize=65536)
def _parse_cached(name: str) -> ParsedName:
    return parse_zh(name) if is_chinese(name) else parse_en(name)


@lru_cache(maxsize=65536)
def _trade_options(trade: str, industry_text: str) -> tuple[str, ...]:
    options = [trade]
    text = trade + industry_text
    for cut in range(len(trade) + 1, len(text)):
        if _segment(text[cut:]) is not None:
            options.append(text[:cut])
    return tuple(options)


@lru_cache(maxsize=65536)
def _segment(text: str) -> list[str] | None:
    """``text`` as a sequence of industry words (fewest words), or ``None``."""
    terms = zh_terms()
    best: list[list[str] | None] = [None] * (len(text) + 1)
    best[len(text)] = []
    for start in range(len(text) - 1, -1, -1):
        for size in zh_term_lengths():
            tail = best[start + size] if start + size <= len(text) else None
            if tail is not None and text[start : start + size] in terms:
                option = [text[start : start + size], *tail]
                current = best[start]
                if current is None or len(option) < len(current):
                    best[start] = option
    return best[0]


def _strip_industries(text: str) -> tuple[str, list[str]]:
    """Split ``text`` into a trade name of at least two characters and the longest run of
    industry words after it: 瑞晟电子科技 → 瑞晟 + 电子, 科技; 福光电子 → 福光 + 电子 (not 福 +
    光电子); 智慧农业 → 智慧 + 农业; 北京银行 after its region → 银行 alone."""
    for cut in range(2, len(text)):
        words = _segment(text[cut:])
        if words is not None:
            return text[:cut], words
    return text, []


def _concepts(words: list[str]) -> frozenset[str]:
    terms = zh_terms()
    found: set[str] = set()
    for word in words:
        found |= terms.get(word, frozenset())
    return frozenset(found)


def _only_region(text: str) -> bool:
    region, taken = region_from_zh(text)
    return region is not None and taken == len(text)


def _strip_form_zh(text: str) -> tuple[str, list[str]]:
    forms: list[str] = []
    changed = True
    while changed and text:
        changed = False
        for form in LEGAL_FORMS_ZH:
            if form in ("控股", "集团") and _only_region(text[: -len(form)]):
                # 武汉控股: the trade name is 控股, not the city alone.
                continue
            if text.endswith(form) and len(text) > len(form):
                forms.insert(0, form)
                text = text[: -len(form)]
                changed = True
                break
    return text, forms


def parse_zh(name: str) -> ParsedName:  # noqa: C901 - one pass over the parts
    text = fold(name)
    text = _LISTING_TAIL.sub("", _LISTING_HEAD.sub("", text.replace(" ", "")))
    branch = False
    for mark in BRANCH_ZH:
        position = text.rfind(mark)
        if position > 0 and text.endswith(mark):
            # 瑞晟电子有限公司深圳分公司: what comes before the branch's own place name.
            head = text[:position]
            for form in ("有限公司", "公司", "银行", "集团"):
                cut = head.rfind(form)
                if cut > 0:
                    head = head[: cut + len(form)]
                    break
            text = head
            branch = True
            break
    bracket_region: Region | None = None
    group = False
    kept: list[str] = []
    last = 0
    for match in _BRACKETS.finditer(text):
        kept.append(text[last : match.start()])
        last = match.end()
        inner = _DROP_ZH.sub("", match.group(1))
        region = region_of_text(inner) if inner else None
        if region is not None:
            bracket_region = region
        elif inner in ("集团", "控股", "集团控股"):
            group = True
        elif inner in ("有限合伙", "普通合伙"):
            continue
        else:
            kept.append(inner)
    kept.append(text[last:])
    text = _DROP_ZH.sub("", "".join(kept)).replace("(", "").replace(")", "")
    text, forms = _strip_form_zh(text)
    group = group or any("集团" in form for form in forms)
    region, taken = region_from_zh(text)
    rest = text[taken:]
    if region is not None and len(rest) == 1 and text[taken - 1 : taken] not in "省市区":
        # 东阳光 is not the town 东阳 and 光: a region needs two characters of name after it.
        rest, region = text, None
    if region is not None:
        # 深圳市南山区瑞晟…, 杭州市余杭区瑞晟…: a district after the city is part of the place.
        district = _DISTRICT.match(rest)
        if district and len(rest) - district.end() >= 2:
            rest = rest[district.end() :]
    trade, words = _strip_industries(rest)
    trade_is_region = False
    if not trade and region is not None:
        trade = region.city or region.province
        trade_is_region = True
    if "集团" in words:
        group = True
    # 衢州发展（浙江）: the bracket's province and the name's city say one place.
    if bracket_region is not None and (
        region is None or region_relation(region, bracket_region) != "within" or not region.city
    ):
        region = bracket_region
    return ParsedName(
        original=name,
        script="zh",
        trade=trade,
        region=region,
        industries=_concepts(words),
        industry_text="".join(words),
        legal_form="".join(forms),
        group=group,
        branch=branch,
        trade_is_region=trade_is_region,
    )


def _en_words(text: str) -> list[str]:
    lowered = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    lowered = lowered.replace("co.,ltd", " co ltd ").replace("'", "")
    return _WORD.findall(lowered)


def parse_en(name: str) -> ParsedName:  # noqa: C901 - one pass over the words
    text = unicodedata.normalize("NFKC", name or "")
    region: Region | None = None
    group = False
    branch = False
    outside: list[str] = []
    last = 0
    for match in _BRACKETS.finditer(text):
        outside.append(text[last : match.start()])
        last = match.end()
        inner_words = _en_words(match.group(1))
        inner_region = region_of_text(" ".join(inner_words)) if inner_words else None
        if inner_region is not None:
            region = inner_region
        elif inner_words and all(w in ("group", "holdings", "holding") for w in inner_words):
            group = True
        else:
            outside.append(" " + match.group(1) + " ")
    outside.append(text[last:])
    joined = "".join(outside)
    # "…, Shenzhen" or "…, Shenzhen Branch" at the end: a place after a comma.
    head, _, tail = joined.rpartition(",")
    if head and tail.strip():
        tail_words = [w for w in _en_words(tail) if w not in BRANCH_EN]
        tail_region = region_of_text(" ".join(tail_words)) if tail_words else None
        if tail_region is not None:
            branch = branch or any(w in BRANCH_EN for w in _en_words(tail))
            region = region or tail_region
            joined = head
    acronym = bool(re.fullmatch(r"[A-Z]{2,5}", (joined.split() or [""])[0]))
    words = _en_words(joined)
    forms: list[str] = []
    while words and (
        words[-1] in LEGAL_FORMS_EN or words[-1] in BRANCH_EN or words[-1] in ("of", "china")
    ):
        if words[-1] in BRANCH_EN:
            branch = True
        if words[-1] == "china" and words[-2:-1] == ["of"]:
            region = region or region_of_text("china")
        forms.insert(0, words.pop())
    if "group" in forms or "group" in words:
        group = True
    words = [w for w in words if w not in ("group", "holdings", "holding")]
    terms = en_terms()
    # A leading region: "Zhejiang Ruisheng …", "Inner Mongolia Yili …", "Shenzhen City …",
    # but not when only industry words would be left ("Shangluo Electronics" is 商络电子).
    region_words: tuple[str, ...] = ()
    if words and region is None:
        for size in (2, 1):
            if len(words) > size and not all(w in terms for w in words[size:]):
                candidate = region_of_text("".join(words[:size]), exact=size > 1)
                if candidate is not None:
                    region = candidate
                    region_words = tuple(words[:size])
                    words = words[size:]
                    while words and words[0] in ("province", "city", "municipality"):
                        words = words[1:]
                    break
    industries: set[str] = set()
    industry_words: list[str] = []
    while len(words) > 1:
        pair = "".join(words[-2:])
        if len(words) > 2 and pair in terms:
            # "Supply Chain", "Real Estate", "New Materials"
            industries |= terms[pair]
            industry_words[:0] = words[-2:]
            del words[-2:]
        elif words[-1] in terms:
            industries |= terms[words[-1]]
            industry_words.insert(0, words.pop())
        else:
            break
    trade_words = tuple(words)
    if len(words) == 1 and words[0] in terms:
        # "Shaanxi Coal Industry" (陕西煤业): an industry word is the trade name.
        industries |= terms[words[0]]
    return ParsedName(
        original=name,
        script="en",
        trade="".join(trade_words),
        region=region,
        industries=frozenset(industries),
        industry_text=" ".join(industry_words),
        legal_form=" ".join(forms),
        group=group,
        branch=branch,
        trade_words=trade_words,
        acronym=acronym,
        trade_is_region=not trade_words and region is not None,
        region_words=region_words,
    )
