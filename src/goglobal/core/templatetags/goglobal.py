"""Template helpers for three-language reference data and page chrome."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import QueryDict
from django.utils.formats import get_format

from goglobal.core import labels
from goglobal.core.i18n import localized

register = template.Library()


@register.filter
def grouped(value: Any) -> str:
    """``intcomma``'s text (the reader's thousands separator and grouping), several times
    faster for the whole numbers that fill the impact tables."""
    if type(value) is int:
        separator = get_format("THOUSAND_SEPARATOR")
        if not separator:
            return str(value)
        if get_format("NUMBER_GROUPING") == 3:
            return f"{value:,}".replace(",", separator)
    return str(intcomma(value))


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


@register.filter
def month_year(value: Any) -> str:
    """``{{ fact.checked_on|month_year }}``: ``2022年1月`` or ``January 2022``."""
    return labels.month_year(value)


@register.filter
def full_date(value: Any) -> str:
    """``{{ task.due_on|full_date }}``: ``2022年1月5日`` or ``5 January 2022``."""
    return labels.full_date(value)


@register.filter
def as_of(value: Any) -> str:
    """``{{ source.checked_on|as_of }}``: ``截至2025年9月`` or ``as of September 2025``."""
    return labels.as_of(value)


@register.filter
def join_list(items: Any, field: str = "") -> str:
    """``{{ markets|join_list:"name" }}``: names in the reader's language joined with ``、``
    on Chinese pages, ``, `` in English; plain strings are joined as they are."""
    if items is None:
        return ""
    words = [
        localized(item, field) if field and not isinstance(item, str) else str(item)
        for item in items
    ]
    return labels.join_list(words)


@register.filter
def sorted_loc(items: Any, field: str = "name") -> list[Any]:
    """Rows sorted by their name in the reader's collation (pinyin for Simplified Chinese,
    radical and stroke for Traditional Chinese)."""
    return labels.sorted_by_name(list(items or ()), lambda item: localized(item, field))


@register.filter
def code_label(code: Any, kind: str) -> str:
    """``{{ category|code_label:"provider_category" }}``: a code in words."""
    return "" if code in (None, "") else labels.label(kind, str(code))


@register.filter
def code_labels(codes: Any, kind: str) -> str:
    """``{{ step.need_codes|code_labels:"need" }}``: codes in words, joined with ``、`` on
    Chinese pages and ``, `` in English."""
    wanted = [str(code) for code in codes or () if code not in (None, "")]
    found = labels.labels_for(kind, wanted)
    return labels.join_list(found.get(code, code) for code in wanted)


@register.simple_tag
def list_sep() -> str:
    """Between items of a list written with a loop: ``、`` on Chinese pages, ``, `` in English."""
    return "、" if labels.is_chinese() else ", "


@register.simple_tag
def full_stop() -> str:
    """The end of a sentence: ``。`` on Chinese pages, ``. `` in English."""
    return "。" if labels.is_chinese() else ". "


@register.simple_tag
def colon() -> str:
    """After a label: ``：`` on Chinese pages, ``: `` in English."""
    return "：" if labels.is_chinese() else ": "


@register.filter
def change_label(key: Any, record: Any) -> str:
    """``{{ field|change_label:enterprise }}``: an audit change key (a field name, ``need:…``,
    ``contact:4``) in words."""
    return labels.change_label(record, str(key))


@register.filter
def text_lang(text: Any) -> str:
    """The ``lang`` of a text quoted as written (a source's title, a publisher): ``zh`` if it
    holds Chinese characters, else ``en``."""
    return "zh" if any("\u3400" <= char <= "\u9fff" for char in str(text or "")) else "en"


@register.filter
def share_class(share: Any) -> str:
    """``{{ bar.share|share_class }}``: the class (``share-0`` … ``share-100``, whole percent)
    that draws a bar at that fraction (0–1) of its track. The style sheet holds the scale, so
    no page writes a ``style`` attribute (the Content-Security-Policy refuses them)."""
    try:
        value = float(share)
    except (TypeError, ValueError):
        value = 0.0
    if value != value:  # NaN
        value = 0.0
    return f"share-{min(100, max(0, round(value * 100)))}"
