"""The one exception the matching engine raises for bad input."""

from __future__ import annotations


class FormatError(ValueError):
    """Bad input. The message names the field and the entry: ``providers[3].needs: …``."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem
