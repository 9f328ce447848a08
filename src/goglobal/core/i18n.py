"""Reading curated three-language columns: ``name_en``, ``name_zh_hans``, ``name_zh_hant``."""

from __future__ import annotations

from typing import Any

from django.utils import translation

_SUFFIX = {"en": "en", "zh-hans": "zh_hans", "zh-hant": "zh_hant"}
_ORDER = ("en", "zh_hans", "zh_hant")


def language_suffix(language: str | None = None) -> str:
    code = (language or translation.get_language() or "en").lower()
    if code.startswith("zh-hant") or code in {"zh-tw", "zh-hk", "zh-mo"}:
        return "zh_hant"
    if code.startswith("zh"):
        return "zh_hans"
    return _SUFFIX.get(code, "en")


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """``obj.<field>_<lang>`` for the active language, then English, then any language."""
    wanted = language_suffix(language)
    for suffix in (wanted, "en", *_ORDER):
        value = getattr(obj, f"{field}_{suffix}", "")
        if value:
            return str(value)
    return ""
