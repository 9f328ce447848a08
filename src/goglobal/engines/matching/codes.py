"""Reference facts the score needs: GB/T 4754 sections and which categories serve which need."""

from __future__ import annotations

# GB/T 4754-2017: (first division, last division, section letter).
_SECTIONS = (
    (1, 5, "A"), (6, 12, "B"), (13, 43, "C"), (44, 46, "D"), (47, 50, "E"), (51, 52, "F"),
    (53, 60, "G"), (61, 62, "H"), (63, 65, "I"), (66, 69, "J"), (70, 70, "K"), (71, 72, "L"),
    (73, 75, "M"), (76, 79, "N"), (80, 82, "O"), (83, 83, "P"), (84, 84, "Q"), (85, 85, "Q"),
    (86, 90, "R"), (91, 96, "S"), (97, 97, "T"),
)  # fmt: skip

# The categories an officer would first think of for each need family (the part before the dot).
EXPECTED_CATEGORIES: dict[str, frozenset[str]] = {
    "fundraising.ipo": frozenset({"securities_sponsor", "law_firm", "accounting_tax"}),
    "fundraising.private_capital": frozenset({"securities_sponsor", "consultancy", "bank"}),
    "fundraising.debt": frozenset({"bank", "securities_sponsor"}),
    "hq": frozenset({"consultancy", "accounting_tax", "law_firm", "public_agency"}),
    "treasury": frozenset({"bank", "accounting_tax"}),
    "rnd": frozenset({"science_park", "public_agency"}),
    "supply_chain": frozenset({"logistics", "consultancy"}),
    "legal": frozenset({"law_firm", "accounting_tax"}),
    "tax": frozenset({"accounting_tax"}),
    "banking": frozenset({"bank"}),
    "ip": frozenset({"ip_agent", "law_firm"}),
    "talent": frozenset({"hr_talent"}),
    "logistics": frozenset({"logistics"}),
    "market_entry": frozenset({"consultancy", "industry_association", "public_agency"}),
    "risk": frozenset({"insurance"}),
    "compliance": frozenset({"law_firm", "consultancy", "logistics"}),
}


def section_of(division: str | None) -> str | None:
    """``"38"`` → ``"C"``; ``None`` for anything that is not a known two-digit division."""
    if not division or len(division) != 2 or not division.isdigit():
        return None
    number = int(division)
    for first, last, section in _SECTIONS:
        if first <= number <= last:
            return section
    return None


def expected_categories(need: str) -> frozenset[str]:
    """Categories that typically serve ``need``: its own entry, else its family's, else none."""
    return EXPECTED_CATEGORIES.get(need) or EXPECTED_CATEGORIES.get(need.split(".")[0], frozenset())


# Needs an enterprise has served in Hong Kong itself: with no market asked, the provider's cover
# of the enterprise's target markets says nothing about fit (a listing sponsor, a regional-HQ
# adviser or a Hong Kong recruiter need no office in Vietnam).
SERVED_IN_HONG_KONG = frozenset(
    {"fundraising.ipo", "hq.regional", "treasury.centre", "banking.accounts", "talent.mobility"}
)


def served_in_hong_kong(need: str) -> bool:
    return need in SERVED_IN_HONG_KONG or need.split(".")[0] in {"hq", "treasury"}


# The platform's need codes (knowledge/data/needs.csv), for providers that list none.
NEED_CODES = (
    "fundraising.ipo", "fundraising.private_capital", "fundraising.debt", "hq.regional",
    "treasury.centre", "rnd.hub", "supply_chain.centre", "legal.setup", "tax.planning",
    "banking.accounts", "ip.protection", "talent.mobility", "logistics.trade",
    "market_entry.partners", "risk.insurance", "compliance.trade",
)  # fmt: skip


def needs_of_category(category: str) -> tuple[str, ...]:
    """The need codes that ``category`` typically serves; used for providers that list none."""
    return tuple(need for need in NEED_CODES if category in expected_categories(need))
