"""Words, dates, lists and sort order in the reader's language.

Every app renders codes, months and lists through these helpers so that a Chinese page
reads ``2022年1月``, ``截至2025年9月`` and ``香港、新加坡`` while an English page reads
``January 2022``, ``as of September 2025`` and ``Hong Kong, Singapore``.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.utils import formats, translation
from django.utils.translation import gettext as _

from goglobal.core.i18n import language_suffix

T = TypeVar("T")

# kind -> function from codes to their labels in the active language. Apps register their
# code lists in ``AppConfig.ready`` so that a page of any app can name a code of another app
# without importing it (``{{ code|code_label:"provider_category" }}``).
_KINDS: dict[str, Callable[[Iterable[str]], dict[str, str]]] = {}


def register(kind: str, lookup: Callable[[Iterable[str]], dict[str, str]]) -> None:
    """Make ``label(kind, code)`` answer with ``lookup``'s words for ``code``."""
    _KINDS[kind] = lookup


def register_choices(kind: str, choices: Iterable[tuple[Any, Any]]) -> None:
    """Register a model's ``choices`` (code, lazy label) as the labels of ``kind``."""
    table = dict(choices)
    register(kind, lambda codes: {code: str(table[code]) for code in codes if code in table})


def label(kind: str, code: str) -> str:
    """``code`` in words in the reader's language; the code itself if ``kind`` does not know
    it (so that the label-walk test finds it)."""
    return labels_for(kind, [code]).get(code, code)


def labels_for(kind: str, codes: Iterable[str]) -> dict[str, str]:
    """The labels of many codes of one ``kind`` at once (one query for database kinds)."""
    wanted = [code for code in codes if code]
    lookup = _KINDS.get(kind)
    return lookup(wanted) if lookup is not None and wanted else {}


def is_chinese(language: str | None = None) -> bool:
    return language_suffix(language) != "en"


def month_year(value: datetime.date | None, language: str | None = None) -> str:
    """``2022年1月`` on Chinese pages, ``January 2022`` in English; empty for no date."""
    if value is None:
        return ""
    if is_chinese(language):
        return f"{value.year}年{value.month}月"
    with translation.override(language or translation.get_language() or "en"):
        return formats.date_format(value, "F Y")


def full_date(value: datetime.date | None, language: str | None = None) -> str:
    """``2022年1月5日`` on Chinese pages, ``5 January 2022`` in English."""
    if value is None:
        return ""
    if is_chinese(language):
        return f"{value.year}年{value.month}月{value.day}日"
    with translation.override(language or translation.get_language() or "en"):
        return formats.date_format(value, "j F Y")


def as_of(value: datetime.date | None, language: str | None = None) -> str:
    """``截至2025年9月`` on Chinese pages, ``as of September 2025`` in English."""
    if value is None:
        return ""
    with translation.override(language or translation.get_language() or "en"):
        return _("as of %(date)s") % {"date": month_year(value, language)}


def join_list(items: Iterable[Any], language: str | None = None) -> str:
    """Items joined with ``、`` on Chinese pages and ``, `` in English (empty items dropped)."""
    words = [str(item) for item in items if item not in (None, "")]
    return ("、" if is_chinese(language) else ", ").join(words)


def labelled(label: Any, value: Any, language: str | None = None) -> str:
    """``label：value`` on Chinese pages (full-width colon), ``label: value`` in English."""
    return f"{label}：{value}" if is_chinese(language) else f"{label}: {value}"


def sort_key(text: str, language: str | None = None) -> tuple[str, ...]:
    """A key that sorts names the way a reader of ``language`` expects.

    Simplified Chinese sorts by pinyin (tone-less, then the characters themselves to break
    ties); Traditional Chinese sorts by radical and stroke count, which is the order of the
    CJK Unified Ideographs block; English sorts case- and accent-insensitively.
    """
    suffix = language_suffix(language)
    plain = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    if suffix == "zh_hans":
        from pypinyin import Style, lazy_pinyin

        return (" ".join(lazy_pinyin(text, style=Style.NORMAL)).casefold(), text)
    return (folded, text)


def sorted_by_name(
    items: Iterable[T], name: Callable[[T], str], language: str | None = None
) -> list[T]:
    """``items`` in the reader's collation of ``name(item)``."""
    return sorted(items, key=lambda item: sort_key(name(item), language))
