"""Eligibility rules: a small language checked against a plain enterprise profile (no I/O).

A rule is clauses joined by ``;``; each clause is ``FIELD OP VALUE[,VALUE…]``::

    listing_status in listed_overseas; employee_band at_least 50_299

Fields are those of ``Profile``. ``in`` / ``not_in`` compare codes; ``at_least`` / ``at_most``
compare the ordered band codes of ``BANDS``. An empty rule sets no condition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

FIELDS = ("sector", "section", "employee_band", "revenue_band", "ownership", "listing_status")
OPERATORS = ("in", "not_in", "at_least", "at_most")
# Band codes in ascending order (the values of the enterprise profile's choices).
BANDS: dict[str, tuple[str, ...]] = {
    "employee_band": ("lt50", "50_299", "300_999", "1000_4999", "5000_plus"),
    "revenue_band": ("lt20m", "20m_200m", "200m_1b", "1b_10b", "10b_plus"),
}
CODES: dict[str, tuple[str, ...]] = {
    "ownership": ("state_owned", "private", "foreign_invested", "mixed"),
    "listing_status": (
        "unlisted",
        "preparing",
        "listed_mainland",
        "listed_hk",
        "listed_dual",
        "listed_overseas",
    ),
    **BANDS,
}


class RuleError(ValueError):
    """A rule that does not parse."""


@dataclass(frozen=True, slots=True)
class Clause:
    field: str
    operator: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    """What a rule can look at; empty strings are unknown."""

    sector: str = ""
    section: str = ""
    employee_band: str = ""
    revenue_band: str = ""
    ownership: str = ""
    listing_status: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a profile does not qualify: a code such as ``rule.not_in`` and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class Checkable(Protocol):
    @property
    def eligibility(self) -> str: ...

    @property
    def applicant(self) -> str: ...


def _clause(text: str) -> Clause:
    parts = text.split(None, 2)
    if len(parts) != 3:
        raise RuleError(f"clause {text!r}: expected FIELD OPERATOR VALUES")
    name, operator, raw = parts
    values = tuple(value.strip() for value in raw.split(",") if value.strip())
    if name not in FIELDS:
        raise RuleError(f"clause {text!r}: unknown field {name!r}")
    if operator not in OPERATORS:
        raise RuleError(f"clause {text!r}: unknown operator {operator!r}")
    if operator in ("at_least", "at_most") and (name not in BANDS or len(values) != 1):
        raise RuleError(f"clause {text!r}: {operator} takes one band of a banded field")
    known = CODES.get(name)
    unknown = [value for value in values if known is not None and value not in known]
    if not values or unknown:
        raise RuleError(f"clause {text!r}: unknown or missing values {unknown}")
    return Clause(field=name, operator=operator, values=values)


def rule_parse(text: str) -> tuple[Clause, ...]:
    """Parse a rule; raises ``RuleError`` naming the clause that is wrong."""
    return tuple(_clause(part.strip()) for part in text.split(";") if part.strip())


def _holds(clause: Clause, actual: str) -> bool:
    if clause.operator == "in":
        return actual in clause.values
    if clause.operator == "not_in":
        return actual not in clause.values
    order = BANDS[clause.field]
    if actual not in order:
        return False
    position, bound = order.index(actual), order.index(clause.values[0])
    return position >= bound if clause.operator == "at_least" else position <= bound


def profile_from(values: dict[str, Any] | Profile) -> Profile:
    if isinstance(values, Profile):
        return values
    return Profile(**{name: str(values.get(name) or "") for name in FIELDS})


def scheme_check(scheme: Checkable, profile: dict[str, Any] | Profile) -> tuple[bool, list[Reason]]:
    """Whether an enterprise with ``profile`` qualifies, and every reason when it does not."""
    facts = profile_from(profile)
    reasons: list[Reason] = []
    if scheme.applicant == "individual":
        reasons.append(Reason("applicant.individual"))
    for clause in rule_parse(scheme.eligibility):
        actual = getattr(facts, clause.field)
        if not actual:
            reasons.append(Reason("profile.missing", {"field": clause.field}))
        elif not _holds(clause, actual):
            reasons.append(
                Reason(
                    f"rule.{clause.operator}",
                    {"field": clause.field, "values": list(clause.values), "actual": actual},
                )
            )
    return not reasons, reasons
