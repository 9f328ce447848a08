"""Suggest which import column a file's header is, and which reference code a cell names.

Both compare *keys*: the text folded for width, case and script (Traditional → Simplified),
with spaces, punctuation, brackets and the markers spreadsheets add to headers ("*", 必填,
"(optional)") taken out. ``Name (English)``, ``name_en`` and ``NAME-EN`` share a key, as do
``企業名稱（必填）`` and ``企业名称``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from goglobal.engines.mapping.synonyms import SYNONYMS
from goglobal.engines.text import normalise

_MARKERS = re.compile(r"必填|选填|可选|非必填|required|optional|mandatory")
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

EXACT = 1.0
# A header that holds a column's name inside more words ("企业名称（中文）", "Contact e-mail
# address") scores between these two by how much of the header the name covers.
_CONTAINED_LOW = 0.5
_CONTAINED_SPAN = 0.4
_MIN_CONTAINED_HAN = 2
_MIN_CONTAINED_LATIN = 4


def header_key(text: str) -> str:
    """``text`` folded for comparison as a header: no spaces, punctuation or markers."""
    folded = normalise(text)
    return _NOT_WORD.sub("", _MARKERS.sub("", folded))


def value_key(text: str, suffixes: Sequence[str] = ()) -> str:
    """``text`` folded as :func:`header_key`, then without the first of ``suffixes`` (given
    folded, longest first) that it ends with, so long as something is left."""
    key = _NOT_WORD.sub("", normalise(text))
    for suffix in suffixes:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


@dataclass(frozen=True, slots=True)
class ColumnSuggestion:
    """What one header of the file is taken to be: ``column`` is ``None`` when nothing fits."""

    position: int
    header: str
    column: str | None
    score: float

    @property
    def exact(self) -> bool:
        return self.column is not None and self.score >= EXACT


def _contained_enough(needle: str) -> bool:
    if _HAN.search(needle):
        return len(needle) >= _MIN_CONTAINED_HAN
    return len(needle) >= _MIN_CONTAINED_LATIN


def _score(key: str, names: Sequence[str]) -> float:
    best = 0.0
    for name in names:
        if not name:
            continue
        if key == name:
            return EXACT
        if name in key and _contained_enough(name):
            best = max(best, _CONTAINED_LOW + _CONTAINED_SPAN * len(name) / len(key))
    return best


def suggest_columns(
    headers: Sequence[str],
    columns: Sequence[str],
    synonyms: Mapping[str, Sequence[str]] = SYNONYMS,
) -> list[ColumnSuggestion]:
    """One suggestion per header, in the file's order; each column is given to one header at
    most (the best-scoring one; the leftmost of equals), and a header whose best column is
    claimed by a better header, or that fits none, gets ``None``."""
    names = {
        column: [header_key(column), *(header_key(word) for word in synonyms.get(column, ()))]
        for column in columns
    }
    candidates: list[tuple[float, int, int, str]] = []
    for position, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        for order, column in enumerate(columns):
            score = _score(key, names[column])
            if score > 0:
                candidates.append((score, position, order, column))
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    chosen: dict[int, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, position, _order, column in candidates:
        if position in chosen or column in taken:
            continue
        chosen[position] = (column, score)
        taken.add(column)
    return [
        ColumnSuggestion(
            position,
            header,
            chosen[position][0] if position in chosen else None,
            round(chosen[position][1], 3) if position in chosen else 0.0,
        )
        for position, header in enumerate(headers)
    ]


@dataclass(frozen=True, slots=True)
class Option:
    """A reference code a cell may name, with its labels in every language (and any aliases)."""

    code: str
    labels: tuple[str, ...]


class ValueIndex:
    """The options' codes by key, whole and without suffixes, built once for a column so that
    each value is then looked up, not compared with every label."""

    def __init__(self, options: Sequence[Option], suffixes: Sequence[str] = ()) -> None:
        self.suffixes = tuple(sorted((value_key(s) for s in suffixes), key=len, reverse=True))
        self.whole: dict[str, set[str]] = {}
        self.stripped: dict[str, set[str]] = {}
        for option in options:
            for text in (option.code, *option.labels):
                self.whole.setdefault(value_key(text), set()).add(option.code)
                if self.suffixes:
                    key = value_key(text, self.suffixes)
                    self.stripped.setdefault(key, set()).add(option.code)

    def suggest(self, value: str) -> str | None:
        """The one option ``value`` names, by its code or any label, or ``None``.

        First the whole text is looked up; then, if nothing matched, the text without the
        ``suffixes`` (``市``, ``省``, ``city``…: ``深圳市`` and ``Shenzhen City`` name ``深圳`` and
        ``Shenzhen``) among the options' texts without them. Two options that match equally
        well give ``None``: the person picks.
        """
        key = value_key(value)
        if not key:
            return None
        found = self.whole.get(key)
        if not found and self.suffixes:
            found = self.stripped.get(value_key(value, self.suffixes))
        if found and len(found) == 1:
            return next(iter(found))
        return None


def suggest_value(
    value: str, options: Sequence[Option], suffixes: Sequence[str] = ()
) -> str | None:
    """:meth:`ValueIndex.suggest` for one value (build a :class:`ValueIndex` for many)."""
    return ValueIndex(options, suffixes).suggest(value)
