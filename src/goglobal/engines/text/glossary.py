"""The bilingual domain glossary: terms in English, Simplified and Traditional Chinese → concepts.

``glossary.csv`` (shipped with the package) has one concept a row: ``concept`` (a stable id such
as ``sector.battery``), ``kind`` and ``|``-separated terms in ``en``, ``zh_hans`` and ``zh_hant``.
``concepts(text)`` finds the concepts a text mentions in any of the three languages, so that
``动力电池``, ``動力電池`` and ``power batteries`` all give ``sector.battery``.
Chinese terms match as the longest substring at each position (one-character terms are ignored:
too ambiguous); English terms match as whole stemmed word sequences.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from goglobal.engines.text.normalise import normalise

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# English words for matching terms: a hyphen separates words ("power-battery makers" reads as
# "power battery makers", "pre-IPO" as "pre IPO", in the text and in the terms alike).
_LATIN = re.compile(r"[a-z0-9]+(?:[&'./+][a-z0-9]+)*")
LANGUAGE_COLUMNS = ("en", "zh_hans", "zh_hant")


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    kind: str
    terms_en: tuple[str, ...]
    terms_zh_hans: tuple[str, ...]
    terms_zh_hant: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Tables:
    concepts: dict[str, Concept]
    chinese: dict[str, str]  # normalised Chinese term → concept id
    english: dict[tuple[str, ...], str]  # stemmed word sequence → concept id
    longest_chinese: int
    longest_english: int


def _stemmed(text: str) -> tuple[str, ...]:
    from goglobal.engines.text.segment import stem  # segment imports us lazily

    return tuple(stem(word) for word in _LATIN.findall(text))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in cell.split("|") if term.strip())


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    concepts: dict[str, Concept] = {}
    chinese: dict[str, str] = {}
    english: dict[tuple[str, ...], str] = {}
    source = resources.files("goglobal.engines.text").joinpath("glossary.csv")
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle.read().splitlines()):
            concept = Concept(
                row["concept"], row["kind"], *(_split(row[column]) for column in LANGUAGE_COLUMNS)
            )
            concepts[concept.id] = concept
            for term in concept.terms_zh_hans + concept.terms_zh_hant:
                key = normalise(term)
                if len(key) > 1 and _HAN_RUN.fullmatch(key):
                    chinese.setdefault(key, concept.id)
                elif not _HAN_RUN.search(key) and _stemmed(key):  # "esg", "5g"; not "a轮"
                    english.setdefault(_stemmed(key), concept.id)
            for term in concept.terms_en:
                if _stemmed(normalise(term)):
                    english.setdefault(_stemmed(normalise(term)), concept.id)
    return _Tables(
        concepts,
        chinese,
        english,
        max((len(term) for term in chinese), default=1),
        max((len(term) for term in english), default=1),
    )


def glossary() -> dict[str, Concept]:
    """Every concept of the shipped glossary by id."""
    return dict(_tables().concepts)


def chinese_terms() -> list[str]:
    """The normalised (Simplified) Chinese terms, e.g. to teach a segmenter our vocabulary."""
    return sorted(_tables().chinese)


def concepts(text: str | None, *, normalised: bool = False) -> list[str]:
    """The concept ids mentioned in ``text``, in order of appearance (repeats kept)."""
    return [concept for _, concept in concept_positions(text, normalised=normalised)]


def concept_positions(text: str | None, *, normalised: bool = False) -> list[tuple[int, str]]:
    """(offset in the normalised text, concept id) of every mention, in order of appearance."""
    folded = text or "" if normalised else normalise(text)
    if not folded:
        return []
    tables = _tables()
    found: list[tuple[int, str]] = []
    for run in _HAN_RUN.finditer(folded):
        found.extend(_chinese(run.group(), run.start(), tables))
    found.extend(_english(folded, tables))
    return sorted(found)


def _chinese(run: str, offset: int, tables: _Tables) -> list[tuple[int, str]]:
    found = []
    start = 0
    while start < len(run) - 1:
        for length in range(min(tables.longest_chinese, len(run) - start), 1, -1):
            concept = tables.chinese.get(run[start : start + length])
            if concept is not None:
                found.append((offset + start, concept))
                start += length
                break
        else:
            start += 1
    return found


def _english(folded: str, tables: _Tables) -> list[tuple[int, str]]:
    matches = list(_LATIN.finditer(folded))
    stems = [_stemmed(match.group())[0] for match in matches]
    found = []
    start = 0
    while start < len(stems):
        for length in range(min(tables.longest_english, len(stems) - start), 0, -1):
            concept = tables.english.get(tuple(stems[start : start + length]))
            if concept is not None:
                found.append((matches[start].start(), concept))
                start += length
                break
        else:
            start += 1
    return found
