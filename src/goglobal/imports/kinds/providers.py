"""Service providers and investors: the directory, one row per organisation."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from goglobal.engines.text import detect_language
from goglobal.imports.cells import Cells, split_list
from goglobal.imports.codes import ReferenceCodes, ReverseCodes
from goglobal.imports.kinds.base import Kind, ParsedRow, joined, names_required
from goglobal.imports.kinds.relations import ChildRows, ManyToMany
from goglobal.knowledge.languages import TEXT_LANGUAGES
from goglobal.providers.models import (
    InvestmentStage,
    Investor,
    InvestorType,
    Presence,
    ProviderCategory,
    ProviderMarket,
    ServiceProvider,
)
from goglobal.providers.services import organisation_search_text

_NAMES = ("name_en", "name_zh_hans", "name_zh_hant")
_SHARED = [*_NAMES, "description", "description_language", "website"]
_LANGUAGES = [code for code, _label in TEXT_LANGUAGES]
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CATEGORIES = tuple(ProviderCategory.values)
_PRESENCES = frozenset(Presence.values)
_INVESTOR_TYPES = tuple(InvestorType.values)
_STAGES = tuple(InvestmentStage.values)


def _shared(cells: Cells) -> dict[str, Any]:
    names_required(cells, _NAMES)
    description = cells.text("description", max_length=20000)
    values: dict[str, Any] = {name: cells.text(name, max_length=200) for name in _NAMES}
    values["description"] = description
    values["description_language"] = cells.choice(
        "description_language",
        _LANGUAGES,
        default="" if cells.raw("description_language") else detect_language(description),
    )
    values["website"] = cells.url("website")
    return values


def _present(cells: Cells, values: dict[str, Any]) -> dict[str, Any]:
    """Only the values whose column is in the file: a column left out is left as it is."""
    return {name: value for name, value in values.items() if cells.has(name)}


class ProviderKind(Kind):
    name = "providers"
    model = ServiceProvider
    columns = [
        "external_id",
        *_SHARED,
        "category",
        "needs",
        "sectors",
        "markets",
        "languages",
        "licences",
        "capacity_per_month",
        "email",
    ]
    required_columns = ["external_id", "category"]
    relations = {
        "needs": ManyToMany(ServiceProvider._meta.get_field("needs")),
        "sectors": ManyToMany(ServiceProvider._meta.get_field("sectors")),
        "markets": ChildRows(ProviderMarket, "provider_id", ("country_id", "presence", "city")),
    }

    def parse(self, cells: Cells, codes: ReferenceCodes) -> ParsedRow:
        row = ParsedRow(cells.number, self.external_id(cells))
        values = _shared(cells)
        values["category"] = cells.choice("category", _CATEGORIES)
        values["languages"] = cells.words("languages", pattern=_LANGUAGE_TAG)
        values["licences"] = cells.words("licences")
        values["capacity_per_month"] = cells.whole_number("capacity_per_month", default=5)
        values["email"] = cells.email("email")
        row.values = _present(cells, values)
        relations = {
            "needs": cells.codes("needs", codes.needs),
            "sectors": cells.codes("sectors", codes.sectors),
            "markets": _markets(cells, codes),
        }
        row.relations = _present(cells, relations)
        row.errors = cells.errors
        return row

    def search_text(self, record: Any) -> str:
        return organisation_search_text(record)

    def export_row(self, record: Any, states: dict[str, Any], codes: ReverseCodes) -> list[str]:
        markets = sorted(
            ":".join(part for part in (codes.countries[country], presence, city) if part)
            for country, presence, city in states["markets"]
        )
        return [
            record.external_id or "",
            *(getattr(record, name) for name in _SHARED),
            record.category,
            joined(sorted(codes.needs[pk] for pk in states["needs"])),
            joined(sorted(codes.sectors[pk] for pk in states["sectors"])),
            joined(markets),
            joined(record.languages),
            joined(record.licences),
            str(record.capacity_per_month),
            record.email,
        ]


def _markets(cells: Cells, codes: ReferenceCodes) -> frozenset[tuple[int, str, str]]:
    """``VN:office:Ho Chi Minh City;TH:network``: country, presence (office), city."""
    markets: dict[int, tuple[int, str, str]] = {}
    for item in split_list(cells.raw("markets")):
        code, presence, city = [*(part.strip() for part in item.split(":", 2)), "", ""][:3]
        country = codes.countries.get(code.upper())
        if country is None:
            cells.error("markets", _("Unknown country code “%(code)s”.") % {"code": code})
        elif presence and presence not in _PRESENCES:
            cells.error(
                "markets",
                _("Presence must be “office” or “network”, not “%(value)s”.") % {"value": presence},
            )
        elif country in markets:
            cells.error("markets", _("Market “%(code)s” is listed twice.") % {"code": code})
        else:
            markets[country] = (country, presence or Presence.OFFICE.value, city[:100])
    return frozenset(markets.values())


class InvestorKind(Kind):
    name = "investors"
    model = Investor
    columns = [
        "external_id",
        *_SHARED,
        "investor_type",
        "sectors",
        "stages",
        "ticket_min",
        "ticket_max",
        "currency",
        "markets",
    ]
    required_columns = ["external_id", "investor_type"]
    relations = {
        "sectors": ManyToMany(Investor._meta.get_field("sectors")),
        "markets": ManyToMany(Investor._meta.get_field("markets")),
    }

    def parse(self, cells: Cells, codes: ReferenceCodes) -> ParsedRow:
        row = ParsedRow(cells.number, self.external_id(cells))
        values = _shared(cells)
        values["investor_type"] = cells.choice("investor_type", _INVESTOR_TYPES)
        values["stages"] = _stages(cells)
        values["ticket_min"] = _ticket(cells, "ticket_min")
        values["ticket_max"] = _ticket(cells, "ticket_max")
        low, high = values["ticket_min"], values["ticket_max"]
        if low is not None and high is not None and low > high:
            cells.error("ticket_max", _("The largest ticket is smaller than the smallest."))
        values["currency"] = _currency(cells)
        row.values = _present(cells, values)
        relations = {
            "sectors": cells.codes("sectors", codes.sectors),
            "markets": cells.codes("markets", codes.countries, upper=True),
        }
        row.relations = _present(cells, relations)
        row.errors = cells.errors
        return row

    def search_text(self, record: Any) -> str:
        return organisation_search_text(record)

    def export_row(self, record: Any, states: dict[str, Any], codes: ReverseCodes) -> list[str]:
        return [
            record.external_id or "",
            *(getattr(record, name) for name in _SHARED),
            record.investor_type,
            joined(sorted(codes.sectors[pk] for pk in states["sectors"])),
            joined(record.stages),
            "" if record.ticket_min is None else str(record.ticket_min),
            "" if record.ticket_max is None else str(record.ticket_max),
            record.currency,
            joined(sorted(codes.countries[pk] for pk in states["markets"])),
        ]


def _stages(cells: Cells) -> list[str]:
    stages = split_list(cells.raw("stages"))
    for stage in stages:
        if stage not in _STAGES:
            cells.error(
                "stages",
                _("“%(value)s” is not one of: %(allowed)s.")
                % {"value": stage, "allowed": ", ".join(_STAGES)},
            )
    return stages


def _ticket(cells: Cells, column: str) -> Decimal | None:
    number = cells.whole_number(column, default=None, max_digits=16)
    return None if number is None else Decimal(number)


def _currency(cells: Cells) -> str:
    value = cells.raw("currency").upper() or "USD"
    if not _CURRENCY.match(value):
        cells.error("currency", _("A currency is a three-letter ISO 4217 code such as USD."))
    return value
