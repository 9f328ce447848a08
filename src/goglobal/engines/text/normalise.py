"""Normalise text so that one query finds a name in English, Simplified or Traditional Chinese.

``normalise`` folds width (NFKC turns full-width ``ＡＢＣ１２３`` into ``ABC123``), case
(``casefold``) and script (Traditional → Simplified with OpenCC ``t2s``), and collapses runs of
white space. ``search_key`` joins several fields into one normalised string for substring search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import opencc

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise(text: str | None) -> str:
    """Return ``text`` folded for comparison: NFKC width, casefold, Simplified script, spaces."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    simplified: str = _to_simplified().convert(folded)
    return _SPACES.sub(" ", simplified).strip()


def search_key(parts: Iterable[str | None]) -> str:
    """Join the normalised, non-empty ``parts`` with a separator no query contains."""
    return " | ".join(normal for normal in (normalise(part) for part in parts) if normal)
