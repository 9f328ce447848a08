"""Template filters for reference codes."""

from __future__ import annotations

from django import template

from goglobal.knowledge.languages import WORKING_LANGUAGES

register = template.Library()
_LANGUAGE_LABELS = dict(WORKING_LANGUAGES)


@register.filter
def language_names(codes: list[str] | None) -> str:
    """``["yue", "en"]`` → "Cantonese, English" in the reader's language; unknown codes as given."""
    return ", ".join(str(_LANGUAGE_LABELS.get(code, code)) for code in codes or [])
