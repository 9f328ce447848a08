"""Structure read from what a profile says: markets, sectors and needs stated only in text.

A directory imported from a chamber's list or a provider's own registration is partly coded:
many profiles state their markets ("offices in Istanbul and Dubai", "在胡志明市設有辦事處"),
sectors ("for pre-revenue biotech issuers") or services only in words. ``derive`` reads them from
names and descriptions in English, Simplified and Traditional Chinese (Traditional is folded to
Simplified first) and keeps each derived code with the phrase it came from (provenance). Derived
values are kept apart from coded ones: the index lists them under their own keys and the score
weighs them a little below coded values.

Markets: countries, capitals and business cities (glossary ``market.*`` and ``places.EXTRA``);
a region (ASEAN, Middle East / GCC, EU, Africa, Latin America, Central Asia) gives its members as
network markets. A market is an **office** market when the nearest presence word in its clause is
an office word (office, branch, team, based in, 办事处, 分所, 设有, 驻 …), else a **network**
market (partner, network, correspondent, 合作伙伴 …, or a bare mention). A negation in the clause
("no office in", "except", "other than", 没有, 暂无, 除…外) drops the mention (in English only
when the negation comes before it).

Sectors: glossary ``sector.*`` concepts → GB/T 4754-2017 divisions (``SECTOR_DIVISIONS``). A
provider's sectors are its clients': when a text names sectors in a clause about its clients
("clients include battery makers", "客户包括整车厂", "for biotech issuers"), only those count, so
the words of its services ("registering brands", "export licences") are not read as sectors.
Needs: glossary ``need.*`` concepts → the platform's need codes (``CONCEPT_NEEDS``); generic words
(consulting, customers, distributor) give no need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

from goglobal.engines.matching.places import (
    CONCEPT_MARKETS,
    EXTRA,
    EXTRA_REGIONS,
    NOT_TARGETS,
    REGIONS,
)
from goglobal.engines.text.glossary import concept_positions, glossary
from goglobal.engines.text.normalise import normalise

# Glossary sector concept → GB/T 4754-2017 divisions it falls under.
SECTOR_DIVISIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "sector.agriculture": ("01",), "sector.fishery": ("04",), "sector.livestock": ("03",),
        "sector.mining": ("06", "08", "09"), "sector.critical_minerals": ("09", "32"),
        "sector.oil_gas": ("07", "25"), "sector.food": ("13", "14"), "sector.tea": ("15",),
        "sector.liquor": ("15",), "sector.textiles": ("17", "18"), "sector.footwear": ("19",),
        "sector.furniture": ("20", "21"), "sector.paper": ("22", "23"), "sector.toys": ("24",),
        "sector.chemicals": ("26",), "sector.pharma": ("27",), "sector.biotech": ("27",),
        "sector.medical_devices": ("35",), "sector.healthcare": ("84",),
        "sector.rubber_plastics": ("29",), "sector.building_materials": ("30",),
        "sector.steel": ("31", "33"), "sector.machinery": ("34", "35"),
        "sector.automation": ("34",), "sector.automotive": ("36",), "sector.ev": ("36",),
        "sector.battery": ("38",), "sector.solar": ("38",), "sector.wind": ("38",),
        "sector.renewables": ("44",), "sector.power": ("44",), "sector.electrical": ("38",),
        "sector.appliances": ("38",), "sector.electronics": ("39",),
        "sector.semiconductors": ("39",), "sector.telecom": ("39", "63"),
        "sector.instruments": ("40",), "sector.drones": ("37",), "sector.aerospace": ("37",),
        "sector.shipbuilding": ("37",), "sector.rail": ("37",),
        "sector.construction": ("47", "48", "49", "50"), "sector.real_estate": ("70",),
        "sector.wholesale": ("51",), "sector.retail": ("52",), "sector.beauty": ("26", "52"),
        "sector.catering": ("61", "62"), "sector.transport": ("54", "55", "56", "58"),
        "sector.software": ("65",), "sector.internet": ("64",), "sector.ai": ("65",),
        "sector.fintech": ("66", "69"), "sector.cybersecurity": ("65",),
        "sector.banking": ("66",), "sector.asset_management": ("67",),
        "sector.education": ("83",), "sector.media": ("86", "87"),
        "sector.environment": ("77",), "sector.circular": ("42",),
        "sector.smart_city": ("65",), "sector.professional": ("72", "74"),
    }
)  # fmt: skip

# Glossary service concept → the platform's need codes (knowledge/data/needs.csv).
CONCEPT_NEEDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "need.listing": ("fundraising.ipo",), "need.listing_sponsor": ("fundraising.ipo",),
        "need.listing_biotech": ("fundraising.ipo",), "need.listing_tech": ("fundraising.ipo",),
        "need.listing_dual": ("fundraising.ipo",),
        "need.investor_relations": ("fundraising.ipo",),
        "need.private_capital": ("fundraising.private_capital",),
        "need.valuation": ("fundraising.private_capital",),
        "need.debt": ("fundraising.debt",), "need.trade_finance": ("fundraising.debt",),
        "need.regional_hq": ("hq.regional",), "need.treasury": ("treasury.centre",),
        "need.rnd": ("rnd.hub",), "need.incubation": ("rnd.hub",),
        "need.supply_chain": ("supply_chain.centre",),
        "need.company_setup": ("legal.setup",), "need.company_secretary": ("legal.setup",),
        "need.holding_structure": ("legal.setup",),
        "need.tax": ("tax.planning",), "need.tax_treaty": ("tax.planning",),
        "need.transfer_pricing": ("tax.planning",),
        "need.bank_account": ("banking.accounts",), "need.payments": ("banking.accounts",),
        "need.fx": ("banking.accounts", "treasury.centre"),
        "need.ip": ("ip.protection",), "need.trademark": ("ip.protection",),
        "need.patent": ("ip.protection",), "need.design_right": ("ip.protection",),
        "need.ip_enforcement": ("ip.protection",),
        "need.talent": ("talent.mobility",), "need.visa": ("talent.mobility",),
        "need.talent_schemes": ("talent.mobility",),
        "need.logistics": ("logistics.trade",), "need.cold_chain": ("logistics.trade",),
        "need.reexport": ("logistics.trade",), "need.ecommerce": ("logistics.trade",),
        "need.customs": ("logistics.trade", "compliance.trade"),
        "need.market_entry": ("market_entry.partners",),
        "need.partners": ("market_entry.partners",), "need.trade_fair": ("market_entry.partners",),
        "need.mna": ("market_entry.partners",),
        "need.insurance": ("risk.insurance",), "need.credit_insurance": ("risk.insurance",),
        "need.political_risk": ("risk.insurance",), "need.cargo_insurance": ("risk.insurance",),
        "need.captive": ("risk.insurance",), "need.risk": ("risk.insurance",),
        "need.export_control": ("compliance.trade",), "need.origin": ("compliance.trade",),
        "need.certification": ("compliance.trade",), "need.halal": ("compliance.trade",),
    }
)  # fmt: skip

_OFFICE_WORDS = (
    "office", "offices", "branch", "branches", "team", "teams", "based in", "headquartered",
    "located in", "desk", "desks", "subsidiary", "subsidiaries", "on the ground", "own staff",
    "our people in", "staffed", "resident", "presence in", "local presence", "opened in",
    "办事处", "办公室", "分所", "分公司", "分行", "分支", "分部", "团队", "设有", "驻", "代表处",
    "据点", "子公司", "常驻", "当地员工", "本地团队", "设立了", "开设",
)  # fmt: skip
_NETWORK_WORDS = (
    "network", "networks", "partner", "partners", "partnership", "correspondent",
    "correspondents", "alliance", "affiliate", "affiliates", "associate", "associates",
    "member firm", "member firms", "relationships", "referral", "referrals", "through", "via",
    "agents", "cover", "covers", "covering", "serve", "serving",
    "合作", "伙伴", "网络", "联盟", "代理", "联系", "成员所", "通过", "覆盖", "服务",
)  # fmt: skip
_NEGATIONS_EN = (
    "no", "not", "none", "without", "except", "excluding", "other than", "never", "nor",
    "don't", "doesn't", "do not", "does not", "cannot", "no longer", "not yet", "outside of",
    "closed", "shut", "exited", "withdrew from", "withdrawn from", "ceased",
)  # fmt: skip
# English negations that follow the place they negate ("Vietnam is not covered", "Vietnam and
# Laos are not covered"), counted only when nothing but other places and a verb stand between.
_NEGATIONS_EN_AFTER = (
    "not covered", "not served", "no longer", "closed", "shut down", "was closed",
    "not present", "not active",
)  # fmt: skip
_NEGATIONS_ZH = (
    "没有", "并无", "暂无", "尚无", "未设", "未在", "尚未", "不设", "不在", "不覆盖", "不涉及",
    "不提供", "不包括", "除了", "以外", "之外", "无办", "不含", "关闭", "撤出", "撤销", "已撤",
    "停止",
)  # fmt: skip

# "总部位于中环", "headquartered in Hong Kong": where the firm sits, not a regional-HQ service.
_SEAT = re.compile(r"总部(?:位于|设于|设在|在)|headquartered|head office is|based in hong kong")
_CLAUSE_RAW = re.compile(r"[。！？；;!?\n，|]+|\.\s+")
_CLAUSE_EN = re.compile(r"\b(?:but|however|whereas|while|although|though|(?<!not )yet)\b")
# "除缅甸外，我们覆盖所有东盟市场": an exception clause; its markets leave the regions of the
# clause after it.
_EXCEPTION = re.compile(
    r"^(?:(?:除了?|除去).{1,24}(?:以外|之外|外)|(?:except|excluding|other than)\b[^,]{1,40})$"
)
# "Except Myanmar, we cover …": the exception is a clause of its own.
_EXCEPTION_EN = re.compile(r"^((?:except|excluding|other than)\b[^,]{1,40}),\s*(.+)$")
_HAN = re.compile(r"[\u3400-\u9fff]")
# A clause about whom the firm serves: "clients include …", "for biotech issuers", "客户包括 …".
_CLIENTS = re.compile(
    r"\b(?:clients?|customers?|clientele|client base|works? with|working with|we serve|serving"
    r"|for (?:[a-z0-9&'-]+ ){1,5}(?:companies|issuers|makers|manufacturers|brands|firms|groups"
    r"|exporters|producers|suppliers|developers|start-?ups|enterprises|businesses))\b"
    r"|客户|服务对象|客群|服务.{0,12}(?:企业|公司|厂商|品牌)|为.{1,16}(?:企业|公司|厂商|品牌)提供"
)


def _alternation(terms: Iterable[str]) -> str:
    return "|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True))


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """Latin terms as whole words, Chinese terms as substrings; longest first."""
    terms = [term for term in terms if term]
    latin = [term for term in terms if not _HAN.search(term)]
    han = [term for term in terms if _HAN.search(term)]
    parts = []
    if latin:
        parts.append(rf"(?<![a-z0-9])(?:{_alternation(latin)})(?![a-z0-9])")
    if han:
        parts.append(f"(?:{_alternation(han)})")
    return re.compile("|".join(parts))


@dataclass(frozen=True, slots=True)
class _Places:
    pattern: re.Pattern[str]
    codes: dict[str, tuple[tuple[str, ...], bool]]  # term → (markets, is a region)


@lru_cache(maxsize=1)
def _places() -> _Places:
    codes: dict[str, tuple[tuple[str, ...], bool]] = {}
    for concept in glossary().values():
        if concept.kind != "market" or concept.id in NOT_TARGETS:
            continue
        region = concept.id in REGIONS
        markets = CONCEPT_MARKETS.get(concept.id) or (concept.id.split(".")[1].upper(),)
        for term in (*concept.terms_en, *concept.terms_zh_hans, *concept.terms_zh_hant):
            codes.setdefault(normalise(term), (markets, region))
    for market, (english, chinese) in EXTRA.items():
        for term in (*english, *chinese):
            codes.setdefault(normalise(term), ((market,), False))
    for english, chinese, members in EXTRA_REGIONS:
        for term in (*english, *chinese):
            codes.setdefault(normalise(term), (members, True))
    codes.pop("", None)
    return _Places(_pattern(codes), codes)


_OFFICE = _pattern(normalise(word) for word in _OFFICE_WORDS)
_NETWORK = _pattern(normalise(word) for word in _NETWORK_WORDS)
_NEGATION_EN = _pattern(_NEGATIONS_EN)
_NEGATION_EN_AFTER = _pattern(_NEGATIONS_EN_AFTER)
_LINK = re.compile(
    r"(?:[\s,、&]|\b(?:and|or|is|are|was|were|has|have|been|still|currently|now|our|office|offices"
    r"|branch|branches|team|teams|desk)\b)*"
)
_NEGATION_ZH = re.compile(f"{_alternation(_NEGATIONS_ZH)}|除.{{1,24}}外")


@dataclass(frozen=True, slots=True)
class Derived:
    """What a text states, each code with the phrase that stated it (``evidence``)."""

    office_markets: frozenset[str] = frozenset()
    network_markets: frozenset[str] = frozenset()  # never also an office market
    sectors: frozenset[str] = frozenset()  # GB/T 4754 divisions
    needs: frozenset[str] = frozenset()
    strong_needs: frozenset[str] = frozenset()  # named by two or more distinct service terms
    negated_markets: frozenset[str] = frozenset()  # named only under a negation
    evidence: Mapping[str, str] = field(default_factory=dict)  # "office:TR" → "istanbul"

    @property
    def markets(self) -> frozenset[str]:
        return self.office_markets | self.network_markets


def with_read_needs(derived: Derived, read: Iterable[tuple[str, str]]) -> Derived:
    """``derived`` plus the needs the encoder read (``reading``), each with its clause as the
    evidence; a need the glossary found keeps the glossary's evidence."""
    read = tuple(read)
    if not read:
        return derived
    evidence = {f"need:{need}": clause for need, clause in read}
    return replace(
        derived,
        needs=derived.needs | {need for need, _ in read},
        evidence=MappingProxyType({**evidence, **derived.evidence}),
    )


def clauses(text: str) -> list[str]:
    """Normalised clauses: sentences, Chinese comma-separated parts, English "but" parts."""
    result: list[str] = []
    for raw in _CLAUSE_RAW.split(text):
        for part in _CLAUSE_EN.split(normalise(raw)):
            exception = _EXCEPTION_EN.match(part.strip())
            pieces = exception.groups() if exception else (part,)
            result.extend(piece.strip() for piece in pieces if piece.strip())
    return result


def _negation_before(clause: str, position: int) -> bool:
    """Whether the mention at ``position`` stands under a negation of its clause."""
    if any(match.start() < position for match in _NEGATION_EN.finditer(clause)):
        return True
    return bool(_HAN.search(clause)) and bool(_NEGATION_ZH.search(clause))


def _negation_after(clause: str, end: int) -> bool:
    """An English negation right after a place, or after the list it ends ("… are not covered")."""
    match = _NEGATION_EN_AFTER.search(clause, end)
    if match is None:
        return False
    # Only a list of places and a verb may stand between: "Vietnam and Laos are not covered".
    return _LINK.fullmatch(_places().pattern.sub(" ", clause[end : match.start()])) is not None


def _presence(clause: str, start: int, end: int) -> str:
    """``office`` or ``network`` from the nearest presence word in the clause: for an English
    mention the nearest one before it (English puts the word first: "offices in A and B"), else
    the nearest on either side (Chinese: "在越南设有办事处", "通过合作伙伴覆盖泰国")."""
    latin = not _HAN.search(clause[start:end])
    before: tuple[int, str] | None = None
    anywhere: tuple[int, str] | None = None
    for kind, pattern in (("office", _OFFICE), ("network", _NETWORK)):
        for match in pattern.finditer(clause):
            if match.end() <= start:
                distance = start - match.end()
                if before is None or distance < before[0]:
                    before = (distance, kind)
            else:
                distance = max(match.start() - end, 0) + 1
            if anywhere is None or distance < anywhere[0]:
                anywhere = (distance, kind)
    chosen = before if latin and before else anywhere
    return chosen[1] if chosen else "network"


@lru_cache(maxsize=200_000)
def _clause_facts(clause: str) -> tuple[tuple[str, str, str], ...]:
    """(kind, code, phrase) read from one normalised clause; kind is office, network, negated,
    sector or need."""
    facts: list[tuple[str, str, str]] = []
    places = _places()
    negated: set[str] = set()
    mentions = []
    for match in places.pattern.finditer(clause):
        markets, region = places.codes[match.group()]
        if _negation_before(clause, match.start()) or _negation_after(clause, match.end()):
            negated.update(markets)
            facts.extend(("negated", market, match.group()) for market in markets)
            continue
        kind = "network" if region else _presence(clause, match.start(), match.end())
        mentions.append((kind, markets, region, match.group()))
    for kind, markets, region, phrase in mentions:
        # "all ASEAN markets except Myanmar": a region's members less those negated alongside.
        kept = [market for market in markets if not (region and market in negated)]
        facts.extend((kind, market, phrase) for market in kept)
    for position, concept in concept_positions(clause, normalised=True):
        codes = SECTOR_DIVISIONS.get(concept) or CONCEPT_NEEDS.get(concept)
        if not codes or _negation_before(clause, position):
            continue
        if concept == "need.regional_hq" and _SEAT.search(clause):
            continue
        kind = "sector" if concept.startswith("sector.") else "need"
        facts.extend((kind, code, concept) for code in codes)
    return tuple(facts)


def derive(texts: Iterable[str | None]) -> Derived:
    """Markets, sectors and needs that ``texts`` (names, description) state, with provenance."""
    found: dict[str, dict[str, str]] = {
        kind: {} for kind in ("office", "network", "negated", "sector", "need")
    }
    support: dict[str, set[str]] = {}
    client_sectors: dict[str, str] = {}  # sectors named in a clause about the clients
    places = _places()
    for text in texts:
        if not text:
            continue
        excepted: set[str] = set()  # markets of a preceding "除…外" clause
        for clause in clauses(text):
            facts = _clause_facts(clause)
            carried, excepted = excepted, set()
            if _EXCEPTION.match(clause):
                excepted = {code for kind, code, _phrase in facts if kind == "negated"}
            about_clients = _CLIENTS.search(clause) is not None
            for kind, code, phrase in facts:
                if kind == "sector" and about_clients:
                    client_sectors.setdefault(code, phrase)
                if (
                    kind in ("office", "network")
                    and code in carried
                    and places.codes.get(phrase, ((), False))[1]
                ):
                    continue  # a member of a region named after its exception
                found[kind].setdefault(code, phrase)
                if kind == "need":
                    support.setdefault(code, set()).add(phrase)
    office = frozenset(found["office"])
    network = frozenset(found["network"]) - office
    evidence = {f"office:{code}": phrase for code, phrase in found["office"].items()}
    evidence.update(
        {f"network:{code}": phrase for code, phrase in found["network"].items() if code in network}
    )
    sectors = client_sectors or found["sector"]
    evidence.update({f"sector:{code}": phrase for code, phrase in sectors.items()})
    evidence.update({f"need:{code}": phrase for code, phrase in found["need"].items()})
    return Derived(
        office_markets=office,
        network_markets=network,
        sectors=frozenset(sectors),
        needs=frozenset(found["need"]),
        strong_needs=frozenset(code for code, phrases in support.items() if len(phrases) > 1),
        negated_markets=frozenset(found["negated"]) - office - network,
        evidence=MappingProxyType(evidence),
    )
