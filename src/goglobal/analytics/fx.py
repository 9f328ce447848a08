"""Amounts in HKD at a dated rate from the knowledge base.

A rate is the rule ``fx.<ISO 4217 code>`` (``knowledge/data/rules.csv``): its value is the HKD
for one unit of the currency, in force from ``effective_from`` to ``effective_to``. An amount
is converted at the rate in force on the outcome's date (the latest-starting row covering
that day, as ``knowledge.services.rules`` reads any rule). There is no invented rate: an amount
in a currency with no rate that day is left out of the HKD figures and listed as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, DecimalField, F, Q, Value, When
from django.db.models.expressions import Combinable

from goglobal.knowledge.models import RuleValue

PREFIX = "fx."


@dataclass(frozen=True)
class Rate:
    currency: str
    hkd_per_unit: Decimal
    effective_from: date
    effective_to: date | None
    rule: str
    source: str

    @property
    def shown(self) -> str:
        """``7.8``, not ``7.8000``."""
        return str(self.hkd_per_unit.normalize())

    def as_json(self) -> dict[str, object]:
        return {
            "currency": self.currency,
            "hkd_per_unit": self.shown,
            "rule": self.rule,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "source": self.source,
        }


def rates() -> list[Rate]:
    """Every dated rate, latest start first within a currency."""
    rows = (
        RuleValue.objects.filter(code__startswith=PREFIX, value__isnull=False)
        .select_related("source")
        .order_by("code", "-effective_from")
    )
    return [
        Rate(
            currency=row.code.removeprefix(PREFIX).upper(),
            hkd_per_unit=Decimal(row.value or 0),
            effective_from=row.effective_from,
            effective_to=row.effective_to,
            rule=row.code,
            source=row.source.title,
        )
        for row in rows
    ]


def rate_on(all_rates: list[Rate], currency: str, on: date) -> Rate | None:
    for rate in all_rates:
        covers = rate.effective_from <= on and (
            rate.effective_to is None or on <= rate.effective_to
        )
        if rate.currency == currency.upper() and covers:
            return rate
    return None


def hkd(
    all_rates: list[Rate],
    *,
    amount: str = "amount",
    currency: str = "currency",
    on: str = "achieved_on",
) -> Case:
    """An expression: the row's amount in HKD, or NULL when no rate covers its date."""
    whens = [When(**{currency: "HKD"}, then=F(amount))]
    for rate in all_rates:  # latest start first: the first matching When wins
        covers = Q(**{currency: rate.currency, f"{on}__gte": rate.effective_from})
        if rate.effective_to is not None:
            covers &= Q(**{f"{on}__lte": rate.effective_to})
        converted: Combinable = F(amount) * Value(rate.hkd_per_unit)
        whens.append(When(covers, then=converted))
    return Case(
        *whens, default=Value(None), output_field=DecimalField(max_digits=28, decimal_places=4)
    )
