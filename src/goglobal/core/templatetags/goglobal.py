"""Template helpers for three-language reference data and page chrome."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict

from goglobal.core.i18n import localized

register = template.Library()


@register.filter
def loc(obj: Any, field: str = "name") -> str:
    """``{{ sector|loc }}`` or ``{{ country|loc:"name" }}`` in the reader's language."""
    if obj is None:
        return ""
    return localized(obj, field)


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with ``changes`` applied (for pagination and sorting links)."""
    request = context["request"]
    query: QueryDict = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
