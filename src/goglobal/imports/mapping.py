"""A file in any layout turned into one of ours: its columns mapped to an import kind's columns
and its coded cells ("深圳市", "Electrical machinery", "越南") mapped to our codes.

Suggestions come from the mapping engine: header names in three languages, and for coded
columns the reference data's labels in every language. :func:`remapped_rows` writes the rows in
our exact columns, so the import that checks and writes them is the one every file goes through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from django.db import models
from django.utils import translation

from goglobal.engines.mapping import ColumnSuggestion, Option, ValueIndex, suggest_columns
from goglobal.enterprises.models import EmployeeBand, ListingStatus, Ownership, RevenueBand
from goglobal.imports.cells import LIST_SEPARATOR
from goglobal.imports.kinds import KINDS
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector
from goglobal.providers.models import InvestorType, ProviderCategory

# Separators people put between the items of a list cell; our files use ";" alone.
_ITEMS = re.compile(r"[;；、\n]+")
_AREA_SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省",
    "市", "municipality", "province", "city", "sheng", "shi", "sar",
)  # fmt: skip


@dataclass(frozen=True)
class Coded:
    """A column whose cells name reference codes: where its options come from, whether it
    holds a list, and the suffixes a name may carry."""

    options: str
    is_list: bool = False
    suffixes: tuple[str, ...] = ()


_ENTERPRISE = {
    "province": Coded("provinces", suffixes=_AREA_SUFFIXES),
    "city": Coded("cities", suffixes=_AREA_SUFFIXES),
    "sector": Coded("sectors"),
    "employee_band": Coded("employee_bands"),
    "revenue_band": Coded("revenue_bands"),
    "ownership": Coded("ownerships"),
    "listing_status": Coded("listings"),
    "target_markets": Coded("markets", is_list=True),
    "needs": Coded("needs", is_list=True),
}
_PROVIDER = {
    "category": Coded("categories"),
    "needs": Coded("needs", is_list=True),
    "sectors": Coded("sectors", is_list=True),
    "markets": Coded("countries", is_list=True),
}
_INVESTOR = {
    "investor_type": Coded("investor_types"),
    "sectors": Coded("sectors", is_list=True),
    "markets": Coded("countries", is_list=True),
}
CODED: dict[str, dict[str, Coded]] = {
    "enterprises": _ENTERPRISE,
    "providers": _PROVIDER,
    "investors": _INVESTOR,
}


def _named(queryset: models.QuerySet[models.Model], code: str = "code") -> list[Option]:
    """Options labelled in English, Simplified and Traditional Chinese, in that order (a
    missing name is empty, so that a label's place says its language)."""
    return [
        Option(str(row[0]), tuple(label or "" for label in row[1:]))
        for row in queryset.values_list(code, "name_en", "name_zh_hans", "name_zh_hant")
    ]


# Other names a list gives a choice, besides its labels in the three languages.
_CHOICE_ALIASES: dict[str, tuple[str, ...]] = {
    "state_owned": ("国企", "国有企业", "國有企業", "SOE", "state owned enterprise"),
    "private": ("私营", "私營", "民营企业", "民營企業", "私营企业", "private enterprise"),
    "foreign_invested": ("外资", "外資", "外商投资企业", "外商投資企業", "外资企业", "FIE"),
    "mixed": ("混合所有制", "混改", "mixed"),
    "unlisted": ("未上市", "否", "no"),
}


def _choices(choices: type[models.TextChoices]) -> list[Option]:
    labels: dict[str, list[str]] = {
        value: list(_CHOICE_ALIASES.get(value, ())) for value in choices.values
    }
    for language in ("en", "zh-hans", "zh-hant"):
        with translation.override(language):
            for value, label in choices.choices:
                labels[value].append(str(label))
    return [Option(value, tuple(texts)) for value, texts in labels.items()]


CHOICE_LISTS: dict[str, type[models.TextChoices]] = {
    "employee_bands": EmployeeBand,
    "revenue_bands": RevenueBand,
    "ownerships": Ownership,
    "listings": ListingStatus,
    "categories": ProviderCategory,
    "investor_types": InvestorType,
}


_OPTIONS: dict[str, Callable[[], list[Option]]] = {
    "provinces": lambda: _named(
        AdministrativeArea.objects.filter(level=AdministrativeArea.Level.PROVINCE)
    ),
    "cities": lambda: _named(AdministrativeArea.objects.all()),
    "sectors": lambda: _named(Sector.objects.filter(level=Sector.Level.DIVISION)),
    "countries": lambda: _named(Country.objects.all()),
    "markets": lambda: [*_named(Country.objects.all()), *_named(MarketGroup.objects.all())],
    "needs": lambda: _named(NeedCode.objects.filter(is_active=True)),
    **{name: partial(_choices, choices) for name, choices in CHOICE_LISTS.items()},
}


def option_labels(kind: str, column: str, language_position: int) -> list[tuple[str, str]]:
    """(code, label) for a coded column's options, labelled in one language: ``0`` English,
    ``1`` Simplified, ``2`` Traditional Chinese (fixed lists in the active language)."""
    coded = CODED[kind][column]
    choices = CHOICE_LISTS.get(coded.options)
    if choices is not None:
        return [(str(value), str(label)) for value, label in choices.choices]
    found = []
    for option in _OPTIONS[coded.options]():
        labels = option.labels
        label = labels[language_position] if language_position < len(labels) else ""
        found.append((option.code, label or next((text for text in labels if text), option.code)))
    return found


def column_options(kind: str, column: str) -> list[Option]:
    """The codes a coded column of ``kind`` may hold, with their labels; ``[]`` for others."""
    coded = CODED.get(kind, {}).get(column)
    return _OPTIONS[coded.options]() if coded else []


def column_suggestions(kind: str, header: Sequence[str]) -> list[ColumnSuggestion]:
    return suggest_columns(header, KINDS[kind].columns)


def cell_items(text: str, is_list: bool) -> list[str]:
    if not is_list:
        return [text.strip()] if text.strip() else []
    return [item.strip() for item in _ITEMS.split(text) if item.strip()]


def distinct_values(
    rows: Iterable[Sequence[str]], position: int, is_list: bool, limit: int
) -> list[str]:
    """The different values (list items one by one) in column ``position``, first ``limit``."""
    seen: dict[str, None] = {}
    for cells in rows:
        if position < len(cells):
            for item in cell_items(cells[position], is_list):
                seen.setdefault(item, None)
                if len(seen) >= limit:
                    return list(seen)
    return list(seen)


def value_suggestions(kind: str, column: str, values: Sequence[str]) -> dict[str, str | None]:
    """Each value's code when one option's code or label names it, else ``None``.

    A list item keeps what follows its first ":" (a need's priority, a market's presence)."""
    coded = CODED[kind][column]
    index = ValueIndex(column_options(kind, column), coded.suffixes)
    suggested: dict[str, str | None] = {}
    for value in values:
        head = value.split(":", 1)[0] if coded.is_list else value
        suggested[value] = index.suggest(head)
    return suggested


def remapped_header(columns: Mapping[int, str]) -> list[str]:
    return [columns[position] for position in sorted(columns)]


def remapped_rows(
    kind: str,
    rows: Iterable[Sequence[str]],
    columns: Mapping[int, str],
    values: Mapping[str, Mapping[str, str]],
) -> Iterator[list[str]]:
    """Each row in our columns (``columns``: file position → our column; others are left
    out), coded cells replaced by the chosen codes. A value with no choice is kept as it is,
    so the import's own check names it."""
    coded = CODED[kind]
    order = sorted(columns)
    for cells in rows:
        out = []
        for position in order:
            column = columns[position]
            text = cells[position] if position < len(cells) else ""
            rule = coded.get(column)
            if rule is None:
                out.append(text)
                continue
            chosen = values.get(column, {})
            items = [_item(item, chosen, rule.is_list) for item in cell_items(text, rule.is_list)]
            out.append(LIST_SEPARATOR.join(items))
        yield out


def _item(item: str, chosen: Mapping[str, str], is_list: bool) -> str:
    code = chosen.get(item)
    if code is not None:
        rest = item.split(":", 1)[1] if is_list and ":" in item else ""
        return f"{code}:{rest}" if rest and ":" not in code else code
    if is_list and ":" in item:
        head, rest = item.split(":", 1)
        if head in chosen:
            return f"{chosen[head]}:{rest}"
    return item
