"""The engine's own message table: every reason and condition code in three languages.

``render(reason, lang)`` turns ``[code, params]`` into a sentence. Parameters ending in
``_hkd`` are amounts in Hong Kong dollars, ``on`` / ``since`` / ``until`` are dates, lists
are joined; Chinese text uses Chinese punctuation.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

LANGS = ("en", "zh-hans", "zh-hant")


# code -> (English, Simplified Chinese, Traditional Chinese), from messages.csv beside this file.
def _load() -> dict[str, tuple[str, str, str]]:
    path = Path(__file__).with_name("messages.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: (row["en"], row["zh_hans"], row["zh_hant"])
            for row in csv.DictReader(handle)
        }


def _load_names() -> dict[str, tuple[str, str, str]]:
    path = Path(__file__).with_name("names.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: (row["en"], row["zh_hans"], row["zh_hant"])
            for row in csv.DictReader(handle)
        }


MESSAGES: dict[str, tuple[str, str, str]] = _load()
# Words for the codes that appear inside messages: routes, functions, needs, tests, stages,
# agreement statuses and profile fields (names.csv beside this file).
NAMES: dict[str, tuple[str, str, str]] = _load_names()
FIGURES = {
    "profit": ("profit", "盈利", "盈利"),
    "revenue": ("revenue", "收益", "收益"),
    "operating_cash_flow": ("operating cash flow", "经营现金流量", "經營現金流量"),
    "operating_expense": ("operating expenditure", "营运开支", "營運開支"),
    "rnd_expense": ("research and development spending", "研发开支", "研發開支"),
}
_YEAR_FIELD = re.compile(r"^enterprise\.financials\[year=(\d+)\](?:\.(\w+))?$")


def _money(amount: Any, lang: str) -> str:
    if amount is None:
        return "—"
    value = float(amount)
    if lang == "en":
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                text = f"{value / size:,.2f}".rstrip("0").rstrip(".")
                return f"HK${text} {word}"
        return f"HK${value:,.0f}"
    for size, word in (
        (1e8, "亿" if lang == "zh-hans" else "億"),
        (1e4, "万" if lang == "zh-hans" else "萬"),
    ):
        if abs(value) >= size:
            text = f"{value / size:,.2f}".rstrip("0").rstrip(".")
            return f"{text}{word}港元"
    return f"{value:,.0f}港元"


def _date(text: Any, lang: str) -> str:
    if not isinstance(text, str):
        return "—"
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    if lang == "en":
        return f"{day.day} {day:%B} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def name(code: str, lang: str = "en") -> str:
    """The words for a code (route, function, need, test, stage, status, field) in ``lang``."""
    found = NAMES.get(code)
    return found[LANGS.index(lang) if lang in LANGS else 0] if found else code


def _field(text: str, lang: str) -> str:
    match = _YEAR_FIELD.match(text)
    if not match:
        return name(text, lang)
    year, figure = match.group(1), match.group(2)
    index = LANGS.index(lang) if lang in LANGS else 0
    if figure is None:
        return (
            f"the figures for {year}"
            if lang == "en"
            else f"{year}年的" + name("enterprise.financials", lang)
        )
    words = FIGURES.get(figure, (figure, figure, figure))[index]
    return f"the {words} for {year}" if lang == "en" else f"{year}年的{words}"


_CODED = {"needs", "functions", "routes", "tests", "stage", "status", "cdta", "ippa"}


def _value(key: str, value: Any, lang: str) -> str:
    if key == "field" and isinstance(value, str):
        return _field(value, lang)
    if key in _CODED:
        items = value if isinstance(value, list | tuple) else [value]
        joined = ("、" if lang != "en" else ", ").join(name(str(item), lang) for item in items)
        return joined
    if key.endswith("_hkd"):
        return _money(value, lang)
    if key in ("on", "since", "until"):
        return _date(value, lang)
    if isinstance(value, list | tuple):
        return ("、" if lang != "en" else ", ").join(str(item) for item in value)
    if value is None:
        return "—"
    return str(value)


def render(reason: tuple[str, Mapping[str, Any]] | list[Any], lang: str = "en") -> str:
    """One reason ``[code, params]`` as a sentence in ``lang`` (en, zh-hans, zh-hant)."""
    code, params = reason[0], dict(reason[1])
    if code.startswith("scheme.newcies.") and "value" in params and params.get("unit") == "HKD":
        params["value_hkd"] = params["value"]
    templates = MESSAGES.get(code)
    if templates is None:
        return code
    template = templates[LANGS.index(lang) if lang in LANGS else 0]
    values = {key: _value(key, value, lang) for key, value in params.items()}

    class _Default(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return "—"

    return template.format_map(_Default(values))
