"""Read and fully validate an enterprise profile (``goglobal-roadmap-profile/1``).

Every wrong value raises ``ProfileError`` naming the field (``enterprise.financials[1].year``).
Fields the format does not define are not an error: they are listed in the roadmap as ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from goglobal.engines.exchange import Readers
from goglobal.engines.roadmap.errors import ProfileError
from goglobal.engines.roadmap.model import (
    EXCHANGES,
    LISTING_STATUSES,
    OWNERSHIPS,
    PROFILE_FORMAT,
    STAGES,
    Financials,
    Listing,
    Money,
    Profile,
)

read = Readers(ProfileError, strip=True)
_TOP = {"format", "as_of", "enterprise"}
_ENTERPRISE = {
    "name_zh_hans",
    "name_en",
    "province",
    "city",
    "sector",
    "ownership",
    "listing_status",
    "description",
    "target_markets",
    "needs",
    "core_product_stage",
    "expected_market_cap",
    "financials",
    "listing",
}
_FINANCIAL = {
    "year",
    "currency",
    "revenue",
    "profit",
    "operating_cash_flow",
    "operating_expense",
    "rnd_expense",
}
_LISTING = {"exchange", "years", "weighted_voting_rights", "market_cap"}
_SECTOR = re.compile(r"^(?:[A-T]|\d{2})$")
_MARKET = re.compile(r"^[A-Z]{2}$")
_NEED = re.compile(r"^[a-z_]+(?:\.[a-z_]+)?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _choice(value: object, where: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        read.fail(where, f"must be one of {', '.join(choices)}; got {value!r}")
    return str(value)


def _optional_text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        read.fail(f"{where}.{key}", "must be a string")
    return value.strip()


def _amount(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        read.fail(where, "must be a number")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        read.fail(where, f"must be a number; got {value!r}")
    if not amount.is_finite():
        read.fail(where, "must be a finite number")
    return amount


def _currency(value: object, where: str) -> str:
    if not isinstance(value, str) or not _CURRENCY.match(value.strip().upper()):
        read.fail(where, f"must be an ISO 4217 currency code such as HKD; got {value!r}")
    return value.strip().upper()


def _money(value: object, where: str) -> Money:
    entry = read.obj(value, where)
    read.only_keys(entry, {"amount", "currency"}, where)
    if "amount" not in entry:
        read.fail(f"{where}.amount", "is required")
    if "currency" not in entry:
        read.fail(f"{where}.currency", "is required")
    amount = _amount(entry["amount"], f"{where}.amount")
    if amount < 0:
        read.fail(f"{where}.amount", "must not be negative")
    return Money(amount, _currency(entry["currency"], f"{where}.currency"))


def _financials(value: object, where: str) -> tuple[Financials, ...]:
    years: dict[int, Financials] = {}
    for index, item in enumerate(read.array(value, where)):
        at = f"{where}[{index}]"
        entry = read.obj(item, at)
        read.only_keys(entry, _FINANCIAL, at)
        if "year" not in entry:
            read.fail(f"{at}.year", "is required")
        year = read.whole(entry["year"], f"{at}.year")
        if not 1950 <= year <= 2100:
            read.fail(f"{at}.year", f"must be a year between 1950 and 2100; got {year}")
        if year in years:
            read.fail(f"{at}.year", f"{year} appears twice")
        if "currency" not in entry:
            read.fail(f"{at}.currency", "is required")
        figures: dict[str, Decimal | None] = {}
        for name in (
            "revenue",
            "profit",
            "operating_cash_flow",
            "operating_expense",
            "rnd_expense",
        ):
            raw = entry.get(name)
            figures[name] = None if raw is None else _amount(raw, f"{at}.{name}")
        for name in ("revenue", "operating_expense", "rnd_expense"):
            figure = figures[name]
            if figure is not None and figure < 0:
                read.fail(f"{at}.{name}", "must not be negative")
        years[year] = Financials(
            year=year, currency=_currency(entry["currency"], f"{at}.currency"), **figures
        )
    return tuple(years[year] for year in sorted(years))


def _listing(value: object, where: str) -> Listing:
    entry = read.obj(value, where)
    read.only_keys(entry, _LISTING, where)
    exchange = entry.get("exchange")
    years = entry.get("years")
    wvr = entry.get("weighted_voting_rights")
    if wvr is not None and not isinstance(wvr, bool):
        read.fail(f"{where}.weighted_voting_rights", "must be true or false")
    if years is not None and read.whole(years, f"{where}.years") < 0:
        read.fail(f"{where}.years", "must not be negative")
    return Listing(
        exchange=None if exchange is None else _choice(exchange, f"{where}.exchange", EXCHANGES),
        years=years,
        weighted_voting_rights=wvr,
        market_cap=None
        if entry.get("market_cap") is None
        else _money(entry["market_cap"], f"{where}.market_cap"),
    )


def parse_profile(  # noqa: C901 - one check per field, in order
    source: str | Path | Mapping[str, Any], *, today: date
) -> Profile:
    """Parse a profile from a JSON file path or a decoded dict; raise ``ProfileError``."""
    data = read.read_json(source, "profile")
    ignored = [key for key in sorted(data) if key not in _TOP]
    if data.get("format") != PROFILE_FORMAT:
        read.fail("format", f"must be {PROFILE_FORMAT!r}, got {data.get('format')!r}")
    as_of = today
    if data.get("as_of") is not None:
        text = data["as_of"]
        try:
            as_of = date.fromisoformat(text) if isinstance(text, str) else None  # type: ignore[assignment]
        except ValueError:
            as_of = None  # type: ignore[assignment]
        if as_of is None or not isinstance(text, str) or len(text) != 10:
            read.fail("as_of", f"must be a date YYYY-MM-DD; got {text!r}")
    if "enterprise" not in data:
        read.fail("enterprise", "is required")
    where = "enterprise"
    e = read.obj(data["enterprise"], where)
    ignored += [f"{where}.{key}" for key in sorted(e) if key not in _ENTERPRISE]
    names = {key: _optional_text(e, key, where) for key in ("name_zh_hans", "name_en")}
    if not any(names.values()):
        read.fail(f"{where}.name_en", "a name is required (name_en or name_zh_hans)")
    if "sector" not in e:
        read.fail(f"{where}.sector", "is required")
    sector = e["sector"]
    if not isinstance(sector, str) or not _SECTOR.match(sector.strip().upper()):
        read.fail(
            f"{where}.sector",
            f"must be a GB/T 4754-2017 division (two digits) or section (A-T); got {sector!r}",
        )
    if "needs" not in e:
        read.fail(f"{where}.needs", "is required")
    needs: list[str] = []
    for index, need in enumerate(read.array(e["needs"], f"{where}.needs")):
        if not isinstance(need, str) or not _NEED.match(need.strip()):
            read.fail(
                f"{where}.needs[{index}]",
                f"must be a need code such as fundraising.ipo; got {need!r}",
            )
        needs.append(need.strip())
    markets: list[str] = []
    for index, market in enumerate(
        read.array(e.get("target_markets", []), f"{where}.target_markets")
    ):
        code = market.strip().upper() if isinstance(market, str) else ""
        if not _MARKET.match(code):
            read.fail(
                f"{where}.target_markets[{index}]",
                f"must be an ISO 3166-1 alpha-2 code such as SA; got {market!r}",
            )
        if code not in markets:
            markets.append(code)
    optional = {
        "ownership": OWNERSHIPS,
        "listing_status": LISTING_STATUSES,
        "core_product_stage": STAGES,
    }
    chosen: dict[str, str | None] = {}
    for key, choices in optional.items():
        value = e.get(key)
        chosen[key] = None if value is None else _choice(value, f"{where}.{key}", choices)
    cap = e.get("expected_market_cap")
    return Profile(
        as_of=as_of,
        name_zh_hans=names["name_zh_hans"],
        name_en=names["name_en"],
        sector=sector.strip().upper(),
        needs=tuple(dict.fromkeys(needs)),
        province=_optional_text(e, "province", where),
        city=_optional_text(e, "city", where),
        ownership=chosen["ownership"],
        listing_status=chosen["listing_status"],
        description=_optional_text(e, "description", where),
        target_markets=tuple(markets),
        core_product_stage=chosen["core_product_stage"],
        expected_market_cap=None if cap is None else _money(cap, f"{where}.expected_market_cap"),
        financials=_financials(e.get("financials", []), f"{where}.financials"),
        listing=None if e.get("listing") is None else _listing(e["listing"], f"{where}.listing"),
        ignored=tuple(ignored),
    )
