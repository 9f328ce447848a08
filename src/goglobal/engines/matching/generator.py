"""Seeded synthetic Hong Kong providers and mainland enterprises (judged set and benchmarks).

Names are invented; descriptions are written from the phrase banks in ``phrases`` in English,
Traditional or Simplified Chinese. Each provider comes with what an officer would know from
reading its profile (the sectors and services its description names), which the judged set's
grading rules use; the engine never sees that truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from goglobal.engines.matching import phrases as p
from goglobal.engines.matching.model import Enterprise, Provider

LANGUAGE_INDEX = {"en": 0, "zh-hans": 1, "zh-hant": 2}
_JOIN = {"en": ", ", "zh-hans": "、", "zh-hant": "、"}


@dataclass(frozen=True, slots=True)
class ProfileTruth:
    provider: Provider
    described_sectors: frozenset[str]  # sectors whose products the description names
    specialisms: frozenset[tuple[str, int]]  # (need, index in phrases.SERVICES[need]) named
    language: str  # of the description ("" when there is none)


@dataclass(frozen=True, slots=True)
class Scenario:
    """An enterprise and one need, independent of the language it is written in."""

    key: str
    sector: str
    product: int  # index in phrases.PRODUCTS[sector]
    need: str
    service: int  # index in phrases.SERVICES[need]
    market: str | None
    targets: tuple[str, ...]
    city: int  # index in phrases.CITIES
    word: int  # index in phrases.ENTERPRISE_WORDS


def _pick(phrase: p.Phrase, language: str) -> str:
    return phrase[LANGUAGE_INDEX[language]]


def _listing(items: list[str], language: str) -> str:
    if language != "en" or len(items) < 2:
        return _JOIN[language].join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def provider(number: int, rng: random.Random) -> ProfileTruth:
    """One provider, ``hk-{number:06d}``, drawn from ``rng``."""
    category = rng.choices(list(p.CATEGORY_SHARE), weights=list(p.CATEGORY_SHARE.values()))[0]
    core = p.CATEGORY_NEEDS[category]
    needs = [core[0], *rng.sample(core[1:], rng.randint(0, min(2, len(core) - 1)))]
    sector_codes = list(p.PRODUCTS)
    sectors = [] if rng.random() < 0.3 else rng.sample(sector_codes, rng.randint(1, 3))
    described = [s for s in sectors if rng.random() < 0.7]
    if rng.random() < 0.15:
        described.append(rng.choice(sector_codes))
    markets = list(p.MARKETS)
    offices = rng.sample(markets, rng.choice((0, 1, 1, 1, 2, 2, 3)))
    network = [m for m in rng.sample(markets, rng.randint(0, 5)) if m not in offices]
    specialisms = {
        (need, index)
        for need in needs
        for index in rng.sample(range(len(p.SERVICES[need])), rng.randint(1, len(p.SERVICES[need])))
    }
    language = rng.choices(["en", "zh-hant", "zh-hans", ""], weights=[48, 32, 12, 8])[0]
    words = (rng.choice(p.NAME_WORDS), rng.choice(p.NAME_SECOND), p.CATEGORY_NAMES[category])
    names = (
        " ".join(_pick(w, "en") for w in words),
        "".join(_pick(w, "zh-hans") for w in words),
        "".join(_pick(w, "zh-hant") for w in words),
    )
    capacity = rng.choice((5, 10, 10, 20, 30))
    item = Provider(
        id=f"hk-{number:06d}",
        category=category,
        needs=frozenset(needs),
        sectors=frozenset(sectors),
        office_markets=frozenset(offices),
        network_markets=frozenset(network),
        languages=frozenset(
            code
            for code, share in (("en", 0.92), ("zh", 0.8), ("yue", 0.85))
            if rng.random() < share
        )
        or frozenset({"en"}),
        capacity=capacity,
        open_referrals=capacity if rng.random() < 0.05 else rng.randint(0, capacity - 1),
        works_globally=rng.random() < 0.08,
        names=_names(names, rng),
        description=_description(names, category, sorted(specialisms), described, offices,
                                 network, language),
    )  # fmt: skip
    return ProfileTruth(item, frozenset(described), frozenset(specialisms), language)


def _names(names: tuple[str, str, str], rng: random.Random) -> tuple[str, ...]:
    roll = rng.random()
    if roll < 0.6:
        return names
    return (names[0],) if roll < 0.8 else (names[0], names[2])


def _description(
    names: tuple[str, str, str],
    category: str,
    specialisms: list[tuple[str, int]],
    described: list[str],
    offices: list[str],
    network: list[str],
    language: str,
) -> str:
    if not language:
        return ""
    name = names[LANGUAGE_INDEX[language]]
    services = _listing([_pick(p.SERVICES[n][i], language) for n, i in specialisms], language)
    intro = _pick(p.CATEGORY_INTRO[category], language)
    products = _listing(
        [_pick(item, language) for s in described for item in p.PRODUCTS[s][:2]], language
    )
    office = _listing([_pick(p.MARKETS[m], language) for m in offices], language)
    partners = _listing([_pick(p.MARKETS[m], language) for m in network], language)
    if language == "en":
        parts = [f"{name} is {intro}.", f"We advise on {services}."]
        parts += [f"Our clients include makers of {products}."] if products else []
        parts += [f"We have offices in {office}."] if office else []
        parts += [f"Partner firms cover {partners}."] if partners else []
        return " ".join(parts)
    simplified = language == "zh-hans"
    parts = [
        f"{name}是{intro}，"
        + (f"提供{services}等服务。" if simplified else f"提供{services}等服務。")
    ]
    parts += (
        [(f"客户包括{products}企业。" if simplified else f"客戶包括{products}企業。")]
        if products
        else []
    )
    parts += (
        [(f"在{office}设有办事处。" if simplified else f"在{office}設有辦事處。")] if office else []
    )
    parts += [(f"合作伙伴网络覆盖{partners}。" if simplified else f"合作夥伴網絡覆蓋{partners}。")
              ] if partners else []  # fmt: skip
    return "".join(parts)


def providers(count: int, seed: int = 7) -> list[ProfileTruth]:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    return [provider(number, rng) for number in range(1, count + 1)]


def scenario(key: str, rng: random.Random, need: str | None = None) -> Scenario:
    sector = rng.choice(list(p.PRODUCTS))
    chosen_need = need or rng.choice(list(p.SERVICES))
    markets = list(p.MARKETS)
    targets = tuple(rng.sample(markets, rng.randint(1, 3)))
    return Scenario(
        key=key,
        sector=sector,
        product=rng.randrange(len(p.PRODUCTS[sector])),
        need=chosen_need,
        service=rng.randrange(len(p.SERVICES[chosen_need])),
        market=targets[0] if rng.random() < 0.8 else None,
        targets=targets,
        city=rng.randrange(len(p.CITIES)),
        word=rng.randrange(len(p.ENTERPRISE_WORDS)),
    )


def enterprise(item: Scenario, language: str) -> Enterprise:
    """The scenario's enterprise with its name and description written in ``language``."""
    province, city_phrase = p.CITIES[item.city]
    word = p.ENTERPRISE_WORDS[item.word]
    product = _pick(p.PRODUCTS[item.sector][item.product], language)
    service = _pick(p.SERVICES[item.need][item.service], language)
    city = _pick(city_phrase, language)
    where = _listing([_pick(p.MARKETS[m], language) for m in (
        (item.market,) if item.market else item.targets)], language)  # fmt: skip
    name_en = f"{city_phrase[0]} {word[0]} Technology Co., Ltd."
    name_zh = {
        "zh-hans": f"{city_phrase[1]}{word[1]}科技有限公司",
        "zh-hant": f"{city_phrase[2]}{word[2]}科技有限公司",
    }
    if language == "en":
        text = (
            f"{name_en} makes {product} in {city}. It plans to expand into {where} and needs"
            f" professional support with {service}."
        )
        names: tuple[str, ...] = (name_en,)
    else:
        name = name_zh[language]
        if language == "zh-hans":
            text = f"{name}是位于{city}的{product}生产企业，计划开拓{where}市场，"
            text += f"需要{service}方面的专业支持。"
        else:
            text = f"{name}是位於{city}的{product}生產企業，計劃開拓{where}市場，"
            text += f"需要{service}方面的專業支援。"
        names = (name_zh[language],)
    return Enterprise(
        id=item.key,
        sector=item.sector,
        names=names,
        description=text,
        province=province,
        city=city_phrase[0],
        target_markets=item.targets,
        needs=(item.need,),
    )
