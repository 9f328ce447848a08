"""Template helpers for market pages: charts and compact figures."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.safestring import SafeString

from goglobal.knowledge.charts import compact_number, line_chart

register = template.Library()


@register.simple_tag
def indicator_chart(points: Sequence[tuple[int, float]], label: str) -> SafeString:
    return line_chart(points, label=label)


@register.filter
def compact(value: float | None) -> str:
    return "" if value is None else compact_number(value)


@register.filter
def latest(points: Sequence[tuple[int, float]] | None) -> tuple[int, float] | None:
    return points[-1] if points else None


@register.filter
def get_item(mapping: dict[object, object] | None, key: object) -> object:
    return (mapping or {}).get(key, ())


@register.filter
def latest_of(profile: object, code: str) -> tuple[int, float] | None:
    """``{{ profile|latest_of:"SP.POP.TOTL" }}``: the latest ``(year, value)`` of an indicator."""
    method = getattr(profile, "latest", None)
    return method(code) if method else None
