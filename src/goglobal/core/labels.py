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


# Audit change keys that are not fields: ``need:legal.setup``, ``contact:4``, ``member``.
_CHANGE_PREFIXES: dict[str, Callable[[], str]] = {
    "need": lambda: _("Need"),
    "contact": lambda: _("Contact"),
    "member": lambda: _("Member account"),
}


def change_label(model: Any, key: str, language: str | None = None) -> str:
    """An audit entry's change key in words: a field of ``model`` by its verbose name
    (``social_credit_code`` -> 统一社会信用代码), ``need:legal.setup`` as ``需求：设立公司``,
    ``contact:4`` as ``联系人`` (the id is never shown)."""
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.text import capfirst

    with translation.override(language or translation.get_language() or "en"):
        prefix, _sep, rest = key.partition(":")
        if rest and prefix in _CHANGE_PREFIXES:
            word = _CHANGE_PREFIXES[prefix]()
            if prefix in _KINDS:
                return labelled(word, label(prefix, rest), language)
            return word
        if key in _CHANGE_PREFIXES:
            return _CHANGE_PREFIXES[key]()
        try:
            return str(capfirst(model._meta.get_field(key).verbose_name))
        except (FieldDoesNotExist, AttributeError):
            return str(capfirst(key.replace("_", " ")))


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


def search_text(*names: str) -> str:
    """What a search box matches a name by: the names as written, and the pinyin of the
    Chinese ones in full and by initials (马来西亚 -> ``malaixiya mlxy``), lower-cased."""
    from pypinyin import Style, lazy_pinyin

    words = [name for name in names if name]
    for name in words[:]:
        if any("\u3400" <= char <= "\u9fff" for char in name):
            syllables = lazy_pinyin(name, style=Style.NORMAL)
            words += ["".join(syllables), "".join(s[:1] for s in syllables)]
    return " ".join(words).casefold()
