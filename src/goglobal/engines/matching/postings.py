"""Posting lists with a bulk-built main part and a small delta part for incremental changes.

``get(key)`` returns (slots, values) as NumPy arrays. Slots that were removed stay in the lists;
the index masks them with its ``alive`` column, so a change never rewrites the main part.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

Key = TypeVar("Key", bound=Hashable)
Slots = npt.NDArray[np.int64]
Values = npt.NDArray[np.float64]
_NO_SLOTS: Slots = np.zeros(0, dtype=np.int64)
_NO_VALUES: Values = np.zeros(0, dtype=np.float64)


class Postings(Generic[Key]):
    def __init__(self) -> None:
        self._main: dict[Key, tuple[Slots, Values]] = {}
        self._delta: dict[Key, dict[int, float]] = {}
        self._cache: dict[Key, tuple[Slots, Values]] = {}

    def build(self, entries: Iterable[tuple[int, Mapping[Key, float]]]) -> None:
        """Replace everything by the postings of ``entries`` (slot, {key: value})."""
        gathered: dict[Key, tuple[list[int], list[float]]] = {}
        for slot, items in entries:
            for key, value in items.items():
                slots, values = gathered.setdefault(key, ([], []))
                slots.append(slot)
                values.append(value)
        self._main = {
            key: (np.asarray(slots, dtype=np.int64), np.asarray(values, dtype=np.float64))
            for key, (slots, values) in gathered.items()
        }
        self._delta.clear()
        self._cache.clear()

    def add(self, slot: int, items: Mapping[Key, float]) -> None:
        for key, value in items.items():
            self._delta.setdefault(key, {})[slot] = value
            self._cache.pop(key, None)

    def get(self, key: Key) -> tuple[Slots, Values]:
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        main = self._main.get(key, (_NO_SLOTS, _NO_VALUES))
        delta = self._delta.get(key)
        if not delta:
            return main
        merged = (
            np.concatenate([main[0], np.fromiter(delta.keys(), np.int64, len(delta))]),
            np.concatenate([main[1], np.fromiter(delta.values(), np.float64, len(delta))]),
        )
        self._cache[key] = merged
        return merged

    def keys(self) -> set[Key]:
        return set(self._main) | set(self._delta)
