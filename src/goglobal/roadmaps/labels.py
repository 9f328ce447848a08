"""Words for the codes inside the engine's reasons: markets, needs, sectors, offices,
agreements, routes, tests, functions, profile fields, stages and statuses.

The engine's message table renders a reason's sentence; its parameters may hold codes (a
market ``ID``, an office ``eto-jakarta``, a need ``treasury.centre``). Before rendering, each
parameter is replaced by its label in the reader's language, looked up here once per page
for every code the roadmap mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from goglobal.core.i18n import localized
from goglobal.enterprises.models import ListingStatus, Ownership
from goglobal.knowledge.models import Agreement, Country, NeedCode, Office, RuleValue, Sector

FIELDS: dict[str, Promise] = {
    "name_zh_hans": _("name (Chinese)"),
    "name_en": _("name (English)"),
    "province": _("province"),
    "city": _("city"),
    "sector": _("sector"),
    "ownership": _("ownership"),
    "listing_status": _("listing status"),
    "description": _("description"),
    "target_markets": _("target markets"),
    "needs": _("needs"),
    "core_product_stage": _("stage of the core product"),
    "expected_market_cap": _("expected market capitalisation"),
    "financials": _("financial years"),
    "listing": _("current listing"),
    "revenue": _("revenue"),
    "profit": _("profit"),
    "operating_cash_flow": _("operating cash flow"),
    "operating_expense": _("total operating expenditure"),
    "rnd_expense": _("research and development spending"),
    "applicant": _("applicant"),
}
ENGINE_LISTING = {
    "unlisted": _("not listed"),
    "a_share": _("listed on a mainland exchange"),
    "h_share": _("listed in Hong Kong"),
    "overseas": _("listed overseas"),
}


class Labels:
    """Looks up, once, the names of every code a roadmap's reasons mention."""

    def __init__(self, result: dict[str, Any]) -> None:
        codes: dict[str, set[str]] = {}
        for part in ("listing_routes", "mainland_steps", "functions", "markets", "schemes"):
            for item in result.get(part, []):
                for key in ("reasons", "conditions"):
                    for _code, params in item.get(key, []):
                        for name, value in params.items():
                            codes.setdefault(name, set()).update(_strings(value))
        for _code, params in result.get("notes", []):
            for name, value in params.items():
                codes.setdefault(name, set()).update(_strings(value))
        markets = codes.get("market", set()) | {
            m.get("market", "") for m in result.get("markets", [])
        }
        self.countries = {c.code: c for c in Country.objects.filter(code__in=markets)}
        self.needs = {n.code: n for n in NeedCode.objects.filter(code__in=codes.get("needs", ()))}
        self.sectors = {s.code: s for s in Sector.objects.filter(code__in=codes.get("sector", ()))}
        self.offices = {o.code: o for o in Office.objects.filter(code__in=codes.get("offices", ()))}
        self.agreements = {
            a.code: a for a in Agreement.objects.filter(code__in=codes.get("agreements", ()))
        }
        self.rules = {
            r.code: r
            for r in RuleValue.objects.filter(code__in=codes.get("rule", ())).order_by(
                "code", "-effective_from"
            )
        }

    def param(self, name: str, value: Any, tables: dict[str, dict[str, Any]]) -> Any:
        """The parameter ``name`` with its codes replaced by labels (lists stay lists)."""
        if isinstance(value, list | tuple):
            return [self.param(name, item, tables) for item in value]
        if not isinstance(value, str):
            return value
        label = self._label(name, value, tables)
        return value if label is None else label

    def _label(self, name: str, value: str, tables: dict[str, dict[str, Any]]) -> str | None:
        found: dict[str, Any] = {
            "market": self.countries,
            "needs": self.needs,
            "sector": self.sectors,
            "offices": self.offices,
            "agreements": self.agreements,
        }
        if name in found:
            row = found[name].get(value)
            return localized(row, "name") if row is not None else None
        if name == "rule":
            rule = self.rules.get(value)
            return localized(rule, "text").rstrip("。.") if rule is not None else str(_("a rule"))
        if name in ("field", "fields"):
            return str(FIELDS.get(value, _("a field")))
        if name in ("values", "actual"):
            return _choice_label(value)
        if name in tables:
            label = tables[name].get(value)
            return None if label is None else str(label)
        return None


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _choice_label(value: str) -> str:
    for choices in (Ownership, ListingStatus):
        for code, label in choices.choices:
            if code == value:
                return str(label)
    if value in ENGINE_LISTING:
        return str(ENGINE_LISTING[value])
    return str(_("not given")) if value in ("", "none", "None") else value
