"""Demo investors as plain specifications: same seed → same rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from goglobal.demo.catalog import Available, row_random
from goglobal.demo.naming import and_list, hk_brand, simplified, with_district
from goglobal.demo.words_directory import INVESTOR_KINDS, InvestorKind
from goglobal.demo.words_industries import THEMES

KIND_NOUNS = {
    "vc": ("venture capital firm", "創業投資基金"),
    "pe": ("private equity firm", "私募股權基金"),
    "family_office": ("family office", "家族辦公室"),
    "sovereign": ("strategic investor with a Hong Kong office", "在港設有辦事處的策略投資者"),
    "bank": ("bank's lending arm", "銀行貸款部門"),
}
STAGE_NAMES = {
    "seed": ("seed", "種子輪"),
    "early": ("early-stage", "早期"),
    "growth": ("growth", "成長期"),
    "pre_ipo": ("pre-IPO", "上市前"),
    "cornerstone": ("cornerstone", "基石"),
    "buyout": ("buyout", "收購"),
    "debt": ("debt", "債務融資"),
}
CURRENCY_NAMES = {"USD": "美元", "HKD": "港元", "CNY": "人民幣"}


@dataclass(frozen=True)
class InvestorSpec:
    external_id: str
    name_en: str
    name_zh_hant: str
    name_zh_hans: str
    investor_type: str
    stages: tuple[str, ...]
    ticket_min: Decimal
    ticket_max: Decimal
    currency: str
    sectors: tuple[str, ...]
    markets: tuple[str, ...]
    description: str
    description_language: str
    website: str

    def values(self) -> dict[str, object]:
        return {
            "external_id": self.external_id,
            "name_en": self.name_en,
            "name_zh_hant": self.name_zh_hant,
            "name_zh_hans": self.name_zh_hans,
            "investor_type": self.investor_type,
            "stages": list(self.stages),
            "ticket_min": self.ticket_min,
            "ticket_max": self.ticket_max,
            "currency": self.currency,
            "description": self.description,
            "description_language": self.description_language,
            "website": self.website,
        }


def _kind_schedule() -> list[InvestorKind]:
    return [kind for kind in INVESTOR_KINDS for _ in range(kind.count)]


def investor_spec(
    *, seed: int, index: int, available: Available, prefix: str, attempt: int = 0
) -> InvestorSpec:
    schedule = _kind_schedule()
    kind = schedule[index % len(schedule)]
    rng = row_random(seed, f"{prefix}/{attempt}", index)
    brand, brand_zh = hk_brand(rng)
    pattern, pattern_zh = rng.choice(kind.names)
    names = (pattern.format(brand=brand), pattern_zh.format(brand=brand_zh))
    if attempt >= 3:
        names = with_district(rng, names)
    usable = [t for t in THEMES if any(code in available.sectors for code in t.divisions)]
    themes = rng.sample(usable, min(len(usable), rng.randint(2, 6)))
    picked = set(rng.sample(kind.stages, rng.randint(1, len(kind.stages))))
    stages = [stage for stage in kind.stages if stage in picked]
    currency, low, high = rng.choice(kind.tickets)
    smallest = rng.randint(low, max(low, high // 4))
    largest = rng.randint(max(smallest * 2, high // 3), high)
    markets = [code for code in kind.markets if code in available.countries]
    stage_en = and_list([STAGE_NAMES[s][0] for s in stages], "or")
    if rng.random() < 0.6:
        description = (
            f"{names[0]} is a {KIND_NOUNS[kind.key][0]} investing {currency} {smallest}–"
            f"{largest} million per deal in {stage_en} rounds, mainly in "
            f"{and_list([t.label[0] for t in themes[:3]])}. It backs mainland companies that use "
            "Hong Kong as their base for going global."
        )
        language = "en"
    else:
        description = (
            f"{names[1]}是{KIND_NOUNS[kind.key][1]}，主要投資"
            f"{'、'.join(t.label[2] for t in themes[:3])}領域的"
            f"{'、'.join(STAGE_NAMES[s][1] for s in stages)}項目，單筆金額介乎{smallest}至"
            f"{largest}百萬{CURRENCY_NAMES.get(currency, currency)}，"
            "支持以香港為平台拓展海外市場的內地企業。"
        )
        language = "zh-hant"
    return InvestorSpec(
        external_id=f"{prefix}-{index + 1:06d}",
        name_en=names[0],
        name_zh_hant=names[1],
        name_zh_hans=simplified(names[1]),
        investor_type=kind.key,
        stages=tuple(stages),
        ticket_min=Decimal(smallest * 1_000_000),
        ticket_max=Decimal(largest * 1_000_000),
        currency=currency,
        sectors=tuple(sorted({rng.choice(t.divisions) for t in themes} & available.sectors)),
        markets=tuple(sorted(rng.sample(markets, rng.randint(min(2, len(markets)), len(markets))))),
        description=description,
        description_language=language,
        website=f"https://www.{brand.lower()}.example",
    )


def investor_specs(
    *, seed: int, count: int, available: Available, prefix: str = "DEMO-I"
) -> Iterator[InvestorSpec]:
    available.check()
    seen: set[str] = set()
    for index in range(count):
        attempt = 0
        while True:
            spec = investor_spec(
                seed=seed, index=index, available=available, prefix=prefix, attempt=attempt
            )
            if spec.name_en not in seen or attempt >= 30:
                break
            attempt += 1
        seen.add(spec.name_en)
        yield spec
