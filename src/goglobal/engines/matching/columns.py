"""A NumPy column that grows by doubling, so one-at-a-time appends stay cheap."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt


class Column:
    def __init__(self, dtype: type[Any], fill: float | bool = 0) -> None:
        self._dtype = dtype
        self._fill = fill
        self._data: npt.NDArray[Any] = np.full(16, fill, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    @property
    def values(self) -> npt.NDArray[Any]:
        """The filled part (a view: do not keep it across appends)."""
        return self._data[: self._size]

    def append(self, value: float | bool) -> None:
        if self._size == len(self._data):
            grown = np.full(2 * len(self._data), self._fill, dtype=self._dtype)
            grown[: self._size] = self._data
            self._data = grown
        self._data[self._size] = value
        self._size += 1

    def extend(self, values: npt.ArrayLike) -> None:
        array = np.asarray(values, dtype=self._dtype)
        needed = self._size + len(array)
        if needed > len(self._data):
            grown = np.full(max(needed, 2 * len(self._data)), self._fill, dtype=self._dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : needed] = array
        self._size = needed

    def __setitem__(self, index: int, value: float | bool) -> None:
        if not 0 <= index < self._size:
            raise IndexError(index)
        self._data[index] = value

    def add_at(self, indexes: npt.NDArray[np.int64], amount: int) -> None:
        np.add.at(self._data, indexes, amount)
