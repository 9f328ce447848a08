"""Reference facts the score needs: GB/T 4754 sections and which categories serve which need."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
# Needs that go either way: talent is brought into Hong Kong (a regional HQ's staff) or hired
# and relocated abroad (work visas in Singapore). They are served in Hong Kong only when the
# enterprise's own text says Hong Kong; otherwise its target markets count as for any need.
SERVED_IN_HONG_KONG_IF_SAID = frozenset({"talent.mobility"})
# On normalised text (casefolded, Traditional folded to Simplified): 香港, 来港/赴港/驻港…, HK.
_HONG_KONG = re.compile(r"香港|[来赴在驻抵留返]港|hong\s*kong|\bhk\b|\bhksar\b")


def says_hong_kong(normalised_texts: Iterable[str]) -> bool:
    return any(_HONG_KONG.search(text) for text in normalised_texts if text)


def served_in_hong_kong(need: str, says_hk: bool = True) -> bool:
    """Whether ``need`` is served in Hong Kong itself; ``says_hk``: the enterprise's text names
    Hong Kong (decides the needs that go either way)."""
    if need in SERVED_IN_HONG_KONG_IF_SAID:
        return says_hk
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


# What each need asks for, in English and Simplified Chinese (knowledge/data/needs.csv): encoded
# once per process, the profile vectors of providers that do not code the need are compared with it.
NEED_TEXTS: dict[str, tuple[str, str]] = {
    "fundraising.ipo": (
        "IPO and listing: Listing shares on a stock exchange such as the Hong Kong Stock "
        "Exchange to raise capital from public investors.",
        "上市融资：在香港联交所等证券交易所上市，向公众投资者募集资金。",
    ),
    "fundraising.private_capital": (
        "Private equity and venture capital: Raising capital from private equity funds, "
        "venture capital or strategic investors before, or instead of, a listing.",
        "私募股权与风险投资：在上市前或不经上市，向私募股权基金、风险投资或战略投资者募集资金。",
    ),
    "fundraising.debt": (
        "Debt financing: Borrowing through bank loans, bonds or trade finance, including "
        "offshore renminbi (dim sum) and green bonds.",
        "债务融资：通过银行贷款、债券或贸易融资筹集资金，包括离岸人民币债券（点心债）和绿色债券。",
    ),
    "hq.regional": (
        "Regional headquarters: Setting up a regional headquarters in Hong Kong to manage "
        "operations across Asia or worldwide.",
        "地区总部：在香港设立地区总部，统筹管理亚洲乃至全球业务。",
    ),
    "treasury.centre": (
        "Corporate treasury centre: Centralising the group's cash, liquidity, foreign "
        "exchange and intra-group financing in a treasury centre.",
        "企业财资中心：设立财资中心，集中管理集团的资金、流动性、外汇及集团内部融资。",
    ),
    "rnd.hub": (
        "R&D and innovation hub: Establishing research, development or innovation activities,"
        " for example at Hong Kong Science Park or Cyberport.",
        "研发与创新中心：开展研发或创新活动，例如进驻香港科学园或数码港。",
    ),
    "supply_chain.centre": (
        "Supply chain management centre: Coordinating sourcing, procurement and distribution "
        "across the group's international supply chain.",
        "供应链管理中心：统筹集团国际供应链的寻源、采购和分销。",
    ),
    "legal.setup": (
        "Company formation and legal structure: Incorporating a company, choosing a holding "
        "structure and handling company secretarial and regulatory filings.",
        "公司设立与法律架构：注册成立公司、选择控股架构，并处理公司秘书及监管备案事务。",
    ),
    "tax.planning": (
        "Tax planning and treaties: Structuring operations tax-efficiently, including the use"
        " of double taxation agreements and transfer pricing compliance.",
        "税务筹划与税收协定：合理筹划税务安排，包括运用避免双重征税协定及遵循转让定价规定。",
    ),
    "banking.accounts": (
        "Bank accounts and payments: Opening corporate bank accounts and arranging cross-"
        "border payments, collections and currency conversion.",
        "银行开户与收付款：开立公司银行账户，办理跨境收付款及货币兑换。",
    ),
    "ip.protection": (
        "Intellectual property protection: Registering and enforcing trademarks, patents and "
        "designs in target markets.",
        "知识产权保护：在目标市场注册并维护商标、专利和外观设计权利。",
    ),
    "talent.mobility": (
        "Talent and visas: Hiring local staff and relocating executives and specialists, "
        "including work visas and talent admission schemes.",
        "人才与签证：招聘当地员工、派驻高管和专业人员，包括办理工作签证及申请人才引进计划。",
    ),
    "logistics.trade": (
        "Logistics and trade: Moving goods through Hong Kong's port, airport and re-export "
        "network, including warehousing and freight forwarding.",
        "物流与贸易：借助香港的港口、机场和转口贸易网络运送货物，包括仓储和货运代理。",
    ),
    "market_entry.partners": (
        "Market entry and partners: Finding distributors, customers, joint-venture partners "
        "or acquisition targets in new markets.",
        "市场开拓与合作伙伴：在新市场寻找分销商、客户、合资伙伴或并购目标。",
    ),
    "risk.insurance": (
        "Risk management and insurance: Covering political, credit, cargo and other overseas "
        "risks through insurance, export credit insurance or a captive insurer.",
        "风险管理与保险：通过商业保险、出口信用保险或专属自保公司，管理政治、信用、货运等"
        "海外风险。",
    ),
    "compliance.trade": (
        "Trade compliance and sanctions: Meeting customs, export control, sanctions and "
        "certificate-of-origin requirements in each market.",
        "贸易合规与制裁：满足各市场的海关、出口管制、制裁及原产地证书要求。",
    ),
}
