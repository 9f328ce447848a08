"""Blocking: find the few records worth comparing with a new one among many.

Every record is filed under short keys: its code, each Chinese trade name, the pinyin spellings
of each Chinese trade name, the run-together leading words of each English trade name, and
acronyms' letters. A new record is compared only with records sharing a key, so one check
against 100,000 records costs a few dictionary look-ups and a handful of comparisons. Keys held
by more than ``crowded`` records (a trade name shared by thousands) are still used but capped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from goglobal.engines.identity.compare import (
    REVIEW,
    Comparison,
    Prepared,
    Record,
    compare_prepared,
    prepare,
)
from goglobal.engines.identity.romanise import initials, spellings

K = TypeVar("K", bound=Hashable)


def blocking_keys(prepared: Prepared) -> set[str]:
    """The keys a record is filed under (and looked up by)."""
    keys: set[str] = set()
    if prepared.record.code:
        keys.add("c:" + prepared.record.code)
    for name in prepared.zh:
        keys.add("z:" + name.trade)
        if name.trade_is_region and name.region is not None:
            keys.add("r:" + name.region.label())
        for spelled in spellings(name.trade, limit=4):
            keys.add("p:" + spelled)
        if 3 <= len(name.trade) <= 5:
            # Acronyms of three letters and more (BYD = 比亚迪); two letters block too much.
            keys |= {"i:" + letters for letters in sorted(initials(name.trade))[:4]}
    for name in prepared.en:
        if name.trade_is_region and name.region is not None:
            keys.add("r:" + name.region.label())
        words = name.trade_words
        for size in range(1, min(len(words), 4) + 1):
            keys.add("p:" + "".join(words[:size]))
        if name.acronym and words and len(words[0]) >= 3:
            keys.add("i:" + words[0])
    return keys


@dataclass(frozen=True, slots=True)
class Match(Generic[K]):
    key: K
    comparison: Comparison


class IdentityIndex(Generic[K]):
    """Records by blocking key. ``K`` is whatever identifies a record to the caller (an id)."""

    def __init__(self, crowded: int = 2000) -> None:
        self.crowded = crowded
        self._postings: dict[str, list[K]] = defaultdict(list)
        self._records: dict[K, Prepared] = {}
        self._keys: dict[K, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._records)

    def add(self, key: K, record: Record) -> None:
        if key in self._records:
            self.remove(key)
        prepared = prepare(record)
        blocks = frozenset(blocking_keys(prepared))
        self._records[key] = prepared
        self._keys[key] = blocks
        for block in blocks:
            self._postings[block].append(key)

    def remove(self, key: K) -> None:
        """Forget ``key`` (a record merged away or deleted)."""
        self._records.pop(key, None)
        for block in self._keys.pop(key, frozenset()):
            posting = self._postings.get(block)
            if posting and key in posting:
                posting.remove(key)

    def keys_of(self, key: K) -> frozenset[str]:
        """The blocking keys ``key`` is filed under."""
        return self._keys.get(key, frozenset())

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def candidates(self, prepared: Prepared, blocks: Iterable[str] | None = None) -> set[K]:
        found: set[K] = set()
        for block in blocking_keys(prepared) if blocks is None else blocks:
            posting = self._postings.get(block)
            if posting:
                found.update(posting[: self.crowded])
        return found

    def matches(
        self, record: Record | Prepared, *, minimum: float = REVIEW, exclude: K | None = None
    ) -> list[Match[K]]:
        """Records scoring at least ``minimum`` against ``record``, best first."""
        prepared = record if isinstance(record, Prepared) else prepare(record)
        blocks = self._keys.get(exclude) if exclude is not None else None
        found = []
        for key in self.candidates(prepared, blocks):
            if key == exclude:
                continue
            comparison = compare_prepared(prepared, self._records[key])
            if comparison.score >= minimum:
                found.append(Match(key, comparison))
        found.sort(key=lambda match: -match.comparison.score)
        return found

    def scan(self, *, minimum: float = REVIEW) -> Iterator[tuple[K, K, Comparison]]:
        """Every pair of indexed records scoring at least ``minimum``, each pair once."""
        order = {key: position for position, key in enumerate(self._records)}
        for key, prepared in self._records.items():
            for match in self.matches(prepared, minimum=minimum, exclude=key):
                if order[match.key] > order[key]:
                    yield key, match.key, match.comparison


def build_index(records: Iterable[tuple[K, Record]]) -> IdentityIndex[K]:
    index: IdentityIndex[K] = IdentityIndex()
    for key, record in records:
        index.add(key, record)
    return index
