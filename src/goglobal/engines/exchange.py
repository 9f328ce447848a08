"""What the pure-Python engines share: typed JSON readers and the command-line plumbing.

Each engine keeps its own error class, a subclass of ``FieldError``, and builds one ``Readers``
with it, so every reader raises that engine's error type: ``Readers(FormatError).obj(…)`` raises
``FormatError``. The ``where`` argument names the field and the entry: ``providers[3].needs``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn


class FieldError(ValueError):
    """Bad input. The message names the field and the entry: ``requests[12].to: unknown …``."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


class Readers:
    """Readers for JSON values that raise ``error(where, problem)`` on a wrong value.

    ``strip``: a string of white space alone counts as empty for ``text``.
    """

    def __init__(self, error: type[FieldError], *, strip: bool = False) -> None:
        self.error = error
        self.strip = strip

    def fail(self, where: str, problem: str) -> NoReturn:
        raise self.error(where, problem)

    def read_json(self, source: str | Path | Mapping[str, Any], what: str) -> Mapping[str, Any]:
        """Return the top-level object of a JSON file, or ``source`` itself when a mapping."""
        if isinstance(source, Mapping):
            return source
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise self.error("", f"cannot read {what} {str(source)!r}: {error}") from error
        except json.JSONDecodeError as error:
            raise self.error(
                "", f"{what} {str(source)!r} is not JSON: {error.msg} at line {error.lineno}"
            ) from error
        if not isinstance(data, dict):
            self.fail("", f"{what} {str(source)!r} must hold a JSON object")
        return data

    def obj(self, value: object, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "must be an object")
        return value

    def array(self, value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "must be an array")
        return value

    def text(self, value: object, where: str) -> str:
        if not isinstance(value, str) or not (value.strip() if self.strip else value):
            self.fail(where, "must be a non-empty string")
        return value

    def whole(self, value: object, where: str) -> int:
        """An integer of any size; ``true`` and ``false`` are not integers."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, "must be an integer")
        return value

    def only_keys(self, entry: Mapping[str, Any], allowed: set[str], where: str) -> None:
        unknown = sorted(set(entry) - allowed)
        if unknown:
            self.fail(f"{where}.{unknown[0]}", "unknown field")


class UsageError(Exception):
    """A bad command line, reported like bad input."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises ``UsageError`` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def arguments(program: str, argv: list[str] | None) -> list[str]:
    """``argv`` (``sys.argv[1:]`` when None) without a leading sub-command name ``program``.

    ``goglobal PROGRAM …`` passes the sub-command along; ``python -m …`` does not.
    """
    given = list(sys.argv[1:] if argv is None else argv)
    return given[1:] if given[:1] == [program] else given


def fail(program: str, message: object) -> int:
    """Print ``message`` as one line on stderr and return the bad-input exit status, 2."""
    print(f"{program}: error: {' '.join(str(message).split())}", file=sys.stderr)
    return 2
