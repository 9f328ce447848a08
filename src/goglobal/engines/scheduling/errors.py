"""The one exception the scheduling engine raises for bad input."""

from __future__ import annotations


class InstanceError(ValueError):
    """Bad input. The message names the field and the entry: ``requests[12].to: unknown …``."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem
