"""Typed readers for JSON values that raise ``InstanceError`` naming the field."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from goglobal.engines.exchange import Readers
from goglobal.engines.scheduling.errors import InstanceError

_READ = Readers(InstanceError)

read_json = _READ.read_json
obj = _READ.obj
array = _READ.array
text = _READ.text
only_keys = _READ.only_keys


def integer(value: object, where: str, *, minimum: int, maximum: int = 10**9) -> int:
    number = _READ.whole(value, where)
    if number < minimum:
        raise InstanceError(where, f"must be at least {minimum}, got {number}")
    if number > maximum:
        raise InstanceError(where, f"must be at most {maximum}, got {number}")
    return number


def moment(value: object, where: str) -> datetime:
    raw = text(value, where)
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError as error:
        raise InstanceError(where, f"not an ISO 8601 date-time: {raw!r}") from error
    if parsed.tzinfo is None:
        raise InstanceError(where, f"needs a UTC offset, e.g. +08:00: {raw!r}")
    return parsed


def required(entry: Mapping[str, Any], key: str, where: str) -> object:
    # Unlike matching, a top-level key keeps its dot: ``.slots: missing``.
    if key not in entry:
        raise InstanceError(f"{where}.{key}", "missing")
    return entry[key]
