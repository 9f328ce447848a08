"""What every part of the roadmap shares: profile, snapshot, conversions, three-valued logic."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from goglobal.engines.roadmap.model import Financials, Money, Profile, Reason, RuleEntry, Snapshot

Tri = bool | None  # true, false, or not decidable from the profile


def all_of(values: Iterable[Tri]) -> Tri:
    """False if any is false, else None if any is unknown, else True."""
    seen = list(values)
    if any(value is False for value in seen):
        return False
    return None if any(value is None for value in seen) else True


def any_of(values: Iterable[Tri]) -> Tri:
    """True if any is true, else None if any is unknown, else False."""
    seen = list(values)
    if any(value is True for value in seen):
        return True
    return None if any(value is None for value in seen) else False


def at_least(figure: Decimal | None, threshold: Decimal | None) -> Tri:
    if figure is None or threshold is None:
        return None
    return figure >= threshold


def number(value: Decimal | None) -> int | float | None:
    """A JSON number: integral amounts as int, others as float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Context:
    profile: Profile
    snapshot: Snapshot
    used: dict[str, None] = field(default_factory=dict)  # every fact named, in order

    @property
    def on(self) -> date:
        return self.profile.as_of

    def rule(self, code: str, facts: list[str]) -> RuleEntry | None:
        """The rule in force on ``as_of``; its fact joins ``facts``."""
        rule = self.snapshot.rule(code, self.on)
        if rule is not None:
            add(facts, rule.fact)
        return rule

    def history(self, code: str, facts: list[str]) -> None:
        """Every dated value of ``code`` joins ``facts`` (to show when a rule starts)."""
        for rule in self.snapshot.rules:
            if rule.code == code:
                add(facts, rule.fact)

    def value(self, code: str, facts: list[str]) -> Decimal | None:
        rule = self.rule(code, facts)
        return None if rule is None else rule.value

    def to_hkd(
        self, amount: Decimal | None, currency: str, facts: list[str], reasons: list[Reason]
    ) -> Decimal | None:
        """``amount`` in Hong Kong dollars at the rate in force on ``as_of``."""
        if amount is None or currency == "HKD":
            return amount
        rate = self.rule(f"fx.{currency}", facts)
        if rate is None or rate.value is None:
            reason: Reason = ("fx.missing", {"currency": currency, "on": self.on.isoformat()})
            if reason not in reasons:
                reasons.append(reason)
            return None
        return (amount * rate.value).quantize(Decimal(1))

    def money_hkd(
        self, money: Money | None, facts: list[str], reasons: list[Reason]
    ) -> Decimal | None:
        return None if money is None else self.to_hkd(money.amount, money.currency, facts, reasons)

    def year(self, offset: int = 0) -> Financials | None:
        """The latest financial year (offset 0) or one ``offset`` years before it, if given."""
        if not self.profile.financials:
            return None
        latest = self.profile.financials[-1].year
        for entry in self.profile.financials:
            if entry.year == latest - offset:
                return entry
        return None

    def figure(
        self, name: str, offset: int, facts: list[str], reasons: list[Reason]
    ) -> Decimal | None:
        """One figure of one year in HKD; a missing year or figure is named in ``reasons``."""
        entry = self.year(offset)
        if entry is None:
            if not self.profile.financials:
                field_name = "enterprise.financials"
            else:
                field_name = (
                    f"enterprise.financials[year={self.profile.financials[-1].year - offset}]"
                )
            missing(reasons, field_name)
            return None
        value: Decimal | None = getattr(entry, name)
        if value is None:
            missing(reasons, f"enterprise.financials[year={entry.year}].{name}")
            return None
        return self.to_hkd(value, entry.currency, facts, reasons)


def add(items: list[str], item: str) -> None:
    if item and item not in items:
        items.append(item)


def missing(reasons: list[Reason], field_name: str) -> None:
    reason: Reason = ("figure.missing", {"field": field_name})
    if reason not in reasons:
        reasons.append(reason)


def reason(code: str, **params: Any) -> Reason:
    return (code, params)
