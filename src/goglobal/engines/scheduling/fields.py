"""Typed readers for JSON values that raise ``InstanceError`` naming the field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from goglobal.engines.scheduling.errors import InstanceError


def read_json(source: str | Path | Mapping[str, Any], what: str) -> Mapping[str, Any]:
    """Return the top-level object of a JSON file, or ``source`` itself when it is a mapping."""
    if isinstance(source, Mapping):
        return source
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InstanceError("", f"cannot read {what} {str(source)!r}: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(
            "", f"{what} {str(source)!r} is not JSON: {error.msg} at line {error.lineno}"
        ) from error
    if not isinstance(data, dict):
        raise InstanceError("", f"{what} {str(source)!r} must hold a JSON object")
    return data


def obj(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise InstanceError(where, "must be an object")
    return value


def array(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise InstanceError(where, "must be an array")
    return value


def text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise InstanceError(where, "must be a non-empty string")
    return value


def integer(value: object, where: str, *, minimum: int, maximum: int = 10**9) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(where, "must be an integer")
    if value < minimum:
        raise InstanceError(where, f"must be at least {minimum}, got {value}")
    if value > maximum:
        raise InstanceError(where, f"must be at most {maximum}, got {value}")
    return value


def moment(value: object, where: str) -> datetime:
    raw = text(value, where)
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError as error:
        raise InstanceError(where, f"not an ISO 8601 date-time: {raw!r}") from error
    if parsed.tzinfo is None:
        raise InstanceError(where, f"needs a UTC offset, e.g. +08:00: {raw!r}")
    return parsed


def only_keys(entry: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise InstanceError(f"{where}.{unknown[0]}", "unknown field")


def required(entry: Mapping[str, Any], key: str, where: str) -> object:
    if key not in entry:
        raise InstanceError(f"{where}.{key}", "missing")
    return entry[key]
