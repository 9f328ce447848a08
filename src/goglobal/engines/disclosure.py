"""Identifying details in a text a provider will read before it knows who the enterprise is.

Before accepting a referral a provider sees the need and a profile without names
(``cases.rules.provider_visible_fields``); the enterprise's description and the officer's note
travel with it. ``findings`` looks in such a text for what would give the enterprise away: its
names in any script (full names, the trade name on its own, its pinyin spelling), the names of
its contacts, an exact headcount, a founding year, its Unified Social Credit Code, telephone
numbers and email addresses. Pure: no Django, no I/O; the caller turns kinds into words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from goglobal.engines.identity.names import fold, parse
from goglobal.engines.identity.romanise import spellings

NAME = "name"
CONTACT = "contact"
HEADCOUNT = "headcount"
FOUNDED = "founded"
CODE = "code"
PHONE = "phone"
EMAIL = "email"
KINDS = (NAME, CONTACT, HEADCOUNT, FOUNDED, CODE, PHONE, EMAIL)

_HAN = re.compile(r"[\u3400-\u9fff]")
_YEAR = r"(?:19|20)\d\d"
_NUMBER = r"\d[\d,，]*"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (EMAIL, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        PHONE,
        re.compile(
            r"(?<![\d])(?:"
            # +86 755 1234 5678, +852 2123 4567
            r"\+?\d{2,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{3,4}){2}"
            r"|1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}"  # mainland mobile
            r"|0\d{2,3}[\s-]\d{7,8}"  # mainland landline with its area code
            r"|[2-9]\d{3}[\s-]\d{4}"  # Hong Kong, written 2123 4567
            r")(?![\d])"
        ),
    ),
    (
        FOUNDED,
        re.compile(
            rf"(?:成立|创立|創立|创建|創建|创办|創辦|始创|始創|注册|註冊)(?:于|於)?\s*{_YEAR}"
            rf"|{_YEAR}\s*年?\s*(?:\d{{1,2}}\s*月\s*)?(?:成立|创立|創立|创建|創建|创办|創辦|注册|註冊)"
            r"|(?:founded|established|incorporated|set up|started|since|est\.?)\s+(?:in\s+)?"
            rf"{_YEAR}",
            re.IGNORECASE,
        ),
    ),
    (
        HEADCOUNT,
        re.compile(
            rf"(?:员工|員工|雇员|僱員|职工|職工)(?:人数|人數)?\s*(?:约|約|达|達|共|有|超过|超過|逾)?\s*"
            rf"{_NUMBER}\s*(?:名|人|位)?"
            rf"|{_NUMBER}\s*(?:余|餘|多)?\s*(?:名|位)\s*(?:员工|員工|雇员|僱員|职工|職工)"
            rf"|{_NUMBER}\s*(?:余|餘|多)?\s*(?:员工|員工|雇员|僱員|职工|職工)"
            rf"|{_NUMBER}\s+(?:full-time\s+)?(?:employees|staff|people|workers|engineers)\b"
            rf"|(?:headcount|workforce)\s+of\s+{_NUMBER}",
            re.IGNORECASE,
        ),
    ),
    (
        CODE,
        re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"),
    ),
)


@dataclass(frozen=True)
class Subject:
    """What would identify the enterprise: its names (registered, English, former) and the
    full names of its contacts."""

    names: tuple[str, ...] = ()
    contact_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str  # as written in the text
    start: int
    end: int


class _Folded:
    """``text`` folded character by character (width, case, script), with the position in the
    original text of every folded character, so that a match maps back to what was written."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for index, character in enumerate(text):
            for folded in fold(unicodedata.normalize("NFKC", character)) or character:
                chars.append(folded)
                origin.append(index)
        self.text = "".join(chars)
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def _name_needles(name: str) -> set[str]:
    """The full name and its trade name, folded; for a Chinese name also the pinyin spellings."""
    name = name.strip()
    if not name:
        return set()
    needles = {fold(name)}
    parsed = parse(name)
    if parsed.script == "zh":
        if len(parsed.trade) >= 2:
            needles.add(parsed.trade)
            needles.update(s for s in spellings(parsed.trade) if len(s) >= 4)
    else:
        trade = " ".join(parsed.trade_words)
        if len(trade) >= 3:
            needles.add(trade)
    return {needle for needle in needles if needle}


def _person_needles(name: str) -> set[str]:
    folded = fold(name.strip())
    if _HAN.search(folded):
        return {folded} if len(folded) >= 2 else set()
    return {folded} if len(folded) >= 3 else set()


def _occurrences(folded: _Folded, needle: str) -> Iterable[tuple[int, int]]:
    if _HAN.search(needle):
        pattern = re.escape(needle)
    else:  # Latin letters: whole words only; a space or hyphen may split a word (Hua Wei)
        words = needle.split()
        parts = [
            r"[\s-]?".join(re.escape(c) for c in w) if len(words) == 1 else re.escape(w)
            for w in words
        ]
        pattern = r"(?<![a-z0-9])" + r"[\s-]+".join(parts) + r"(?![a-z0-9])"
    for match in re.finditer(pattern, folded.text):
        yield folded.span(match.start(), match.end())


def findings(text: str, subject: Subject) -> list[Finding]:
    """Every identifying detail in ``text``, in reading order; overlapping finds of one kind
    are reported once, longest first."""
    if not text:
        return []
    found: list[Finding] = []
    folded = _Folded(text)
    for kind, needles in (
        (NAME, set().union(*(_name_needles(n) for n in subject.names)) if subject.names else set()),
        (
            CONTACT,
            set().union(*(_person_needles(n) for n in subject.contact_names))
            if subject.contact_names
            else set(),
        ),
    ):
        for needle in sorted(needles, key=len, reverse=True):
            for start, end in _occurrences(folded, needle):
                found.append(Finding(kind, text[start:end], start, end))
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append(Finding(kind, match.group(0).strip(), match.start(), match.end()))
    return _without_overlaps(found)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(k.start < finding.end and finding.start < k.end for k in kept):
            continue
        kept.append(finding)
    return kept


def kinds_found(text: str, subject: Subject) -> dict[str, list[str]]:
    """``{kind: [texts]}`` for the kinds found, each text once, in the order of ``KINDS``."""
    by_kind: dict[str, list[str]] = {}
    for finding in findings(text, subject):
        texts = by_kind.setdefault(finding.kind, [])
        if finding.text not in texts:
            texts.append(finding.text)
    return {kind: by_kind[kind] for kind in KINDS if kind in by_kind}
