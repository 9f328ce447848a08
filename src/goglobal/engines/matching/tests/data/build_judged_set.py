"""Build judged_set.json: 450 synthetic providers, 90 queries in three languages, graded by rules.

Run: .venv/bin/python src/goglobal/engines/matching/tests/data/build_judged_set.py
The grades follow the officer's rules in docs/match-eval-format.md ("The bundled judged set"),
computed from what each profile says (the generator's truth), never from the engine's score.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from goglobal.engines.matching.evalset import FORMAT
from goglobal.engines.matching.generator import (
    ProfileTruth,
    Scenario,
    enterprise,
    providers,
    scenario,
)
from goglobal.engines.matching.phrases import SERVICES

PROVIDERS = 450
SIMPLIFIED_SCENARIOS = 45  # each asked in Simplified Chinese …
PAIRED_IN_ENGLISH = 30  # … the first 30 of them also in English
TRADITIONAL_SCENARIOS = 15
CONTACT_LANGUAGES = frozenset({"zh"})

# Rule 3: who an officer would send for each need (the category, not the profile's claim).
OFFICER_CATEGORIES = {
    "fundraising.ipo": {"securities_sponsor", "law_firm", "accounting_tax"},
    "fundraising.private_capital": {"securities_sponsor", "consultancy", "science_park", "bank"},
    "fundraising.debt": {"bank", "securities_sponsor"},
    "hq.regional": {"consultancy", "accounting_tax", "law_firm", "public_agency", "hr_talent"},
    "treasury.centre": {"bank", "accounting_tax"},
    "rnd.hub": {"science_park", "public_agency"},
    "supply_chain.centre": {"logistics", "consultancy"},
    "legal.setup": {"law_firm", "accounting_tax"},
    "tax.planning": {"accounting_tax", "law_firm"},
    "banking.accounts": {"bank"},
    "ip.protection": {"ip_agent", "law_firm"},
    "talent.mobility": {"hr_talent", "public_agency"},
    "logistics.trade": {"logistics"},
    "market_entry.partners": {"consultancy", "industry_association", "public_agency"},
    "risk.insurance": {"insurance"},
    "compliance.trade": {"law_firm", "consultancy", "logistics"},
}


def grade(truth: ProfileTruth, item: Scenario, record: dict[str, int] | None) -> int:
    """The officer's grade, 0–3 (see docs/match-eval-format.md for the rules in words)."""
    provider = truth.provider
    markets = [item.market] if item.market else list(item.targets)
    office = any(market in provider.office_markets for market in markets)
    covered = (
        office or provider.works_globally or any(m in provider.network_markets for m in markets)
    )
    if item.need not in provider.needs or not covered:  # rules 1 and 2
        return 0
    knows_sector = item.sector in provider.sectors or item.sector in truth.described_sectors
    does_service = (item.need, item.service) in truth.specialisms
    value = 1 + min(2, int(office) + int(knows_sector) + int(does_service))
    if record and record["completed"] >= 3:  # rule 4
        value += 1
    if provider.category not in OFFICER_CATEGORIES[item.need]:  # rule 3
        value -= 1
    if not provider.languages & CONTACT_LANGUAGES:  # rule 5
        value -= 1
    if provider.at_capacity:  # rule 6
        value -= 1
    return max(0, min(3, value))


def _records(truths: list[ProfileTruth], item: Scenario, rng: random.Random) -> dict[str, dict]:
    serving = [t.provider.id for t in truths if item.need in t.provider.needs]
    chosen = rng.sample(serving, min(len(serving), rng.randint(0, 4)))
    return {
        provider_id: {
            "accepted": rng.randint(0, 3),
            "completed": rng.randint(0, 5),
            "declined": rng.randint(0, 2),
        }
        for provider_id in sorted(chosen)
    }


def _scenarios(truths: list[ProfileTruth], rng: random.Random) -> list[Scenario]:
    needs = list(SERVICES)
    result: list[Scenario] = []
    while len(result) < SIMPLIFIED_SCENARIOS + TRADITIONAL_SCENARIOS:
        item = scenario(f"s{len(result) + 1:02d}", rng, needs[len(result) % len(needs)])
        if sum(grade(t, item, None) >= 2 for t in truths) >= 2:  # an officer has someone to send
            result.append(item)
    return result


def _query(item: Scenario, language: str, truths: list[ProfileTruth], extras: dict) -> dict:
    company = enterprise(item, language)
    names = {"en": "name_en", "zh-hans": "name_zh_hans", "zh-hant": "name_zh_hant"}
    entry = {
        "id": f"{item.key}-{language}",
        "need": item.need,
        "market": item.market,
        "enterprise": {
            names[language]: company.names[0],
            "sector": company.sector,
            "province": company.province,
            "city": company.city,
            "description": company.description,
            "target_markets": list(company.target_markets),
            "needs": list(company.needs),
        },
        **extras,
    }
    records = extras.get("track_records", {})
    grades = {t.provider.id: grade(t, item, records.get(t.provider.id)) for t in truths}
    for provider_id in extras.get("conflicted", []):
        grades[provider_id] = 0  # rule 7
    entry["relevant"] = {key: value for key, value in sorted(grades.items()) if value > 0}
    return entry


def build() -> dict:
    truths = providers(PROVIDERS, seed=20261123)
    rng = random.Random(5)
    queries = []
    for number, item in enumerate(_scenarios(truths, rng)):
        extras: dict = {}
        records = _records(truths, item, rng)
        if records:
            extras["track_records"] = records
        if number % 9 == 4:  # a few enterprises have a conflict with a well-placed provider
            best = sorted(t.provider.id for t in truths if grade(t, item, None) == 3)
            if best:
                extras["conflicted"] = [best[0]]
        if number < SIMPLIFIED_SCENARIOS:
            languages = ["zh-hans", "en"] if number < PAIRED_IN_ENGLISH else ["zh-hans"]
        else:
            languages = ["zh-hant"]
        queries += [_query(item, language, truths, extras) for language in languages]
    return {
        "format": FORMAT,
        "description": "GoGlobal Connect bundled judged set; synthetic, graded by written rules.",
        "providers": [_provider(t) for t in truths],
        "queries": queries,
    }


def _provider(truth: ProfileTruth) -> dict:
    provider = truth.provider
    entry: dict = {"id": provider.id}
    for key, name in zip(
        ("name_en", "name_zh_hans", "name_zh_hant"), _name_slots(provider.names), strict=True
    ):
        if name:
            entry[key] = name
    entry |= {
        "category": provider.category,
        "needs": sorted(provider.needs),
        "sectors": sorted(provider.sectors),
        "office_markets": sorted(provider.office_markets),
        "network_markets": sorted(provider.network_markets),
        "languages": sorted(provider.languages),
        "capacity": provider.capacity,
        "open_referrals": provider.open_referrals,
    }
    if provider.works_globally:
        entry["works_globally"] = True
    if provider.description:
        entry["description"] = provider.description
    return entry


def _name_slots(names: tuple[str, ...]) -> tuple[str, str, str]:
    if len(names) == 3:
        return names[0], names[1], names[2]
    if len(names) == 2:
        return names[0], "", names[1]
    return names[0], "", ""


if __name__ == "__main__":
    target = Path(__file__).with_name("judged_set.json")
    data = build()
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['queries'])} queries, {len(data['providers'])} providers -> {target}")
