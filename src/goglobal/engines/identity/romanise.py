"""Pinyin for Chinese trade names and the test of an English trade name against it.

``readings`` gives every character its possible toneless readings (pypinyin, heteronyms
included, ü written v, u or yu), so 重庆 matches "Chongqing" and 长安 "Changan" whatever reading
the phrase dictionary prefers. Non-Han runs (TCL) stand for themselves.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PINYIN_DICT


def _variants(reading: str) -> set[str]:
    reading = reading.lower()
    if "ü" in reading or "v" in reading:
        base = reading.replace("ü", "v")
        return {base, base.replace("v", "u"), base.replace("v", "yu")}
    return {reading}


@lru_cache(maxsize=131072)
def readings(trade: str) -> tuple[frozenset[str], ...]:
    """One set of possible readings per character (or per run of non-Han characters)."""
    default = lazy_pinyin(trade, style=Style.NORMAL, errors="default")
    every = pinyin(trade, style=Style.NORMAL, heteronym=True, errors="default")
    if len(default) != len(every):
        return tuple(frozenset(_variants(item)) for item in default)
    result = []
    for first, others in zip(default, every, strict=True):
        options: set[str] = set()
        for item in [first, *others]:
            options |= _variants("".join(ch for ch in item if ch.isalnum()))
        result.append(frozenset(options))
    return tuple(result)


@lru_cache(maxsize=131072)
def romanised(trade: str) -> str:
    """The default pinyin of ``trade`` run together: 瑞晟 → ``ruisheng``."""
    return "".join(lazy_pinyin(trade, style=Style.NORMAL)).replace("ü", "v").lower()


@lru_cache(maxsize=131072)
def spellings(trade: str, limit: int = 8) -> tuple[str, ...]:
    """Up to ``limit`` run-together spellings of ``trade`` (the default reading first)."""
    first = romanised(trade)
    options = [sorted(choice) for choice in readings(trade)]
    found = [first]
    for combination in islice(product(*options), limit * 4):
        spelled = "".join(combination)
        if spelled not in found:
            found.append(spelled)
        if len(found) >= limit:
            break
    return tuple(found)


def matches(trade: str, spelled: str) -> bool:
    """Whether ``spelled`` (lower-case letters, no spaces) is a pinyin spelling of ``trade``."""
    parts = readings(trade)
    reachable = {0}
    for options in parts:
        reachable = {
            at + len(option)
            for at in reachable
            for option in options
            if option and spelled.startswith(option, at)
        }
        if not reachable:
            return False
    return len(spelled) in reachable


@lru_cache(maxsize=65536)
def initials(trade: str) -> frozenset[str]:
    """The possible first letters of each reading run together: 比亚迪 → {``byd``}."""
    found = {""}
    for options in readings(trade):
        letters = {option[0] for option in options if option}
        found = {head + letter for head in found for letter in letters}
        if len(found) > 16:
            break
    return frozenset(found)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    found: set[str] = set()
    for value in PINYIN_DICT.values():
        for item in value.split(","):
            found |= _variants("".join(ch for ch in _strip_tone(item) if ch.isalpha()))
    # One-letter syllables (a, o, e) would make any English word "pinyin" (nan-o).
    return frozenset(word for word in found if len(word) > 1)


def _strip_tone(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.replace("ü", "v"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_pinyin(word: str) -> bool:
    """Whether ``word`` splits into pinyin syllables (``da``, ``ruisheng``), so it may be part of a
    romanised trade name rather than an English word."""
    syllables = _syllables()
    reachable = [False] * (len(word) + 1)
    reachable[0] = True
    for start in range(len(word)):
        if not reachable[start]:
            continue
        for end in range(start + 1, min(len(word), start + 6) + 1):
            if word[start:end] in syllables:
                reachable[end] = True
    return reachable[len(word)]
