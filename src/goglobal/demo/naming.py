"""Names of Hong Kong organisations in the demo: English and Traditional Chinese brands."""

from __future__ import annotations

import random
from functools import lru_cache

import opencc

from goglobal.demo.words_people import BRAND_PREFIXES, BRAND_SUFFIXES, EXCLUDED_HK_BRANDS

HK_DISTRICTS: tuple[tuple[str, str], ...] = (
    ("Central", "中環"),
    ("Admiralty", "金鐘"),
    ("Wan Chai", "灣仔"),
    ("Tsim Sha Tsui", "尖沙咀"),
    ("Kwun Tong", "觀塘"),
    ("Sha Tin", "沙田"),
    ("Tsuen Wan", "荃灣"),
    ("Kowloon Bay", "九龍灣"),
    ("Quarry Bay", "鰂魚涌"),
    ("Sheung Wan", "上環"),
    ("Hung Hom", "紅磡"),
    ("Cheung Sha Wan", "長沙灣"),
)
_SMALL_WORDS = frozenset({"and", "of", "for", "the"})


@lru_cache(maxsize=1)
def _simplifier() -> opencc.OpenCC:
    return opencc.OpenCC("hk2s")


def simplified(text: str) -> str:
    """The Simplified Chinese form of a Hong Kong name."""
    return str(_simplifier().convert(text))


def hk_brand(rng: random.Random) -> tuple[str, str]:
    """An invented brand, e.g. ("Jadebridge", "翠橋")."""
    while True:
        prefix, prefix_zh = rng.choice(BRAND_PREFIXES)
        suffix, suffix_zh = rng.choice(BRAND_SUFFIXES)
        if prefix + suffix not in EXCLUDED_HK_BRANDS:
            return prefix + suffix, prefix_zh + suffix_zh


def with_district(rng: random.Random, names: tuple[str, str]) -> tuple[str, str]:
    """The names with a district, to tell apart two firms of the same brand."""
    district, district_zh = rng.choice(HK_DISTRICTS)
    return f"{names[0]} ({district})", f"{names[1]}（{district_zh}）"


def title_case(text: str) -> str:
    """ "EV batteries and energy storage" -> "EV Batteries and Energy Storage"."""
    return " ".join(
        word if word in _SMALL_WORDS or word.isupper() else word[0].upper() + word[1:]
        for word in text.split()
    )


def and_list(items: list[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
