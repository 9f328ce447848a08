"""Normalise text so that one query finds a name in English, Simplified or Traditional Chinese.

``normalise`` folds width (NFKC turns full-width ``ＡＢＣ１２３`` into ``ABC123``), case
(``casefold``) and script (Traditional → Simplified with OpenCC ``t2s``), and collapses runs of
white space, after taking out invisible formatting characters (``strip_invisible``: zero-width
spaces and joiners, bidirectional marks, embeddings, overrides and isolates, the byte-order mark),
so a name with a hidden character is found like the same name without it. ``search_key`` joins
several fields into one normalised string for substring search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import opencc

_SPACES = re.compile(r"\s+")

# Characters that change how text is shown (or nothing at all) without being seen.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width space, non-joiner, joiner; LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidirectional embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # bidirectional isolates
    "\u061c\ufeff"  # Arabic letter mark, zero-width no-break space (byte-order mark)
)
_INVISIBLE_TABLE = {ord(character): None for character in INVISIBLE}


def strip_invisible(text: str) -> str:
    """``text`` without the characters of ``INVISIBLE``."""
    return text.translate(_INVISIBLE_TABLE)


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise(text: str | None) -> str:
    """Return ``text`` folded for comparison: NFKC width, casefold, Simplified script, spaces."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", strip_invisible(text)).casefold()
    simplified: str = _to_simplified().convert(folded)
    return _SPACES.sub(" ", simplified).strip()


def search_key(parts: Iterable[str | None]) -> str:
    """Join the normalised, non-empty ``parts`` with a separator no query contains."""
    return " | ".join(normal for normal in (normalise(part) for part in parts) if normal)
