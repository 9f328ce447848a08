"""Typed readers for JSON values that raise ``FormatError`` naming the field and the entry."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from goglobal.engines.exchange import Readers
from goglobal.engines.matching.errors import FormatError

_NEED = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_DIVISION = re.compile(r"\d\d")


_READ = Readers(FormatError, strip=True)

read_json = _READ.read_json
obj = _READ.obj
array = _READ.array
text = _READ.text
only_keys = _READ.only_keys


def optional_text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(f"{where}.{key}", "must be a string")
    return value


def integer(value: object, where: str, *, minimum: int, maximum: int = 10**9) -> int:
    number = _READ.whole(value, where)
    if not minimum <= number <= maximum:
        raise FormatError(where, f"must be between {minimum} and {maximum}, got {number}")
    return number


def boolean(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise FormatError(where, "must be true or false")
    return value


def required(entry: Mapping[str, Any], key: str, where: str) -> object:
    if key not in entry:
        raise FormatError(f"{where}.{key}" if where else key, "missing")
    return entry[key]


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from babel import Locale  # only the format reader needs the territory list

    return frozenset(str(code) for code in Locale("en").territories if len(str(code)) == 2)


def country(value: object, where: str) -> str:
    code = text(value, where)
    if code not in _countries():
        raise FormatError(where, f"not an ISO 3166-1 alpha-2 code: {code!r}")
    return code


def need(value: object, where: str) -> str:
    code = text(value, where)
    if not _NEED.fullmatch(code):
        raise FormatError(where, f"not a need code such as 'legal.setup': {code!r}")
    return code


def division(value: object, where: str) -> str:
    code = text(value, where)
    if not _DIVISION.fullmatch(code):
        raise FormatError(where, f"not a two-digit GB/T 4754 division: {code!r}")
    return code


def language(value: object, where: str) -> str:
    code = text(value, where)
    if not _LANGUAGE.fullmatch(code):
        raise FormatError(where, f"not a BCP 47 language tag such as 'zh' or 'yue': {code!r}")
    return code


def codes(
    entry: Mapping[str, Any], key: str, where: str, reader: Callable[[object, str], str]
) -> tuple[str, ...]:
    """An optional array of codes, each checked by ``reader``; duplicates are an error."""
    values = array(entry.get(key, []), f"{where}.{key}")
    result = tuple(reader(value, f"{where}.{key}[{i}]") for i, value in enumerate(values))
    if len(set(result)) != len(result):
        raise FormatError(f"{where}.{key}", "lists a code twice")
    return result
