"""Demo mainland enterprises as plain specifications: no database, same seed → same rows."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from goglobal.demo.catalog import Available, row_random, weighted_sample
from goglobal.demo.codes import social_credit_code
from goglobal.demo.describe import describe
from goglobal.demo.words_industries import (
    BASE_NEED_WEIGHTS,
    GROUP_HINTS,
    THEMES,
    THEMES_BY_KEY,
    Theme,
)
from goglobal.demo.words_people import (
    BRAND_CHARACTERS,
    EXCLUDED_BRANDS,
    GIVEN_NAMES,
    JOB_TITLES,
    SURNAMES,
)
from goglobal.demo.words_places import City
from goglobal.demo.words_text import NEED_NOTES

EMPLOYEE_BANDS = ("lt50", "50_299", "300_999", "1000_4999", "5000_plus")
REVENUE_BANDS = ("lt20m", "20m_200m", "200m_1b", "1b_10b", "10b_plus")
LISTING_BY_SIZE = (
    {"unlisted": 85, "preparing": 15},
    {"unlisted": 70, "preparing": 25, "listed_mainland": 5},
    {"unlisted": 45, "preparing": 30, "listed_mainland": 18, "listed_hk": 7},
    {
        "unlisted": 15,
        "preparing": 20,
        "listed_mainland": 35,
        "listed_hk": 15,
        "listed_dual": 10,
        "listed_overseas": 5,
    },
    {
        "unlisted": 5,
        "listed_mainland": 35,
        "listed_hk": 20,
        "listed_dual": 35,
        "listed_overseas": 5,
    },
)
TIMELINES = {"0_3m": 30, "3_6m": 35, "6_12m": 25, "12m_plus": 10}


@dataclass(frozen=True)
class NeedSpec:
    code: str
    priority: str
    timeline: str
    notes: str


@dataclass(frozen=True)
class ContactSpec:
    full_name: str
    title: str
    email: str
    phone: str
    languages: tuple[str, ...]
    has_consent: bool


@dataclass(frozen=True)
class EnterpriseSpec:
    external_id: str
    name_zh: str
    name_en: str
    social_credit_code: str
    province_code: str
    city_code: str
    sector_code: str
    employee_band: str
    revenue_band: str
    ownership: str
    listing_status: str
    hs_codes: tuple[str, ...]
    description: str
    description_language: str
    website: str
    target_countries: tuple[str, ...]
    target_groups: tuple[str, ...]
    needs: tuple[NeedSpec, ...]
    contacts: tuple[ContactSpec, ...]

    def values(self) -> dict[str, object]:
        """The editable fields, as ``enterprise_create`` takes them (codes still as codes)."""
        return {
            "external_id": self.external_id,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "social_credit_code": self.social_credit_code,
            "employee_band": self.employee_band,
            "revenue_band": self.revenue_band,
            "ownership": self.ownership,
            "listing_status": self.listing_status,
            "hs_codes": list(self.hs_codes),
            "description": self.description,
            "description_language": self.description_language,
            "website": self.website,
        }


@dataclass(frozen=True)
class _Profile:
    """The choices that shape one enterprise, drawn first so the text can follow them."""

    city: City
    theme: Theme
    sector: str
    brand: tuple[str, str]
    size: int
    ownership: str
    listing: str
    year: int
    countries: tuple[str, ...]


@lru_cache(maxsize=256)
def _themes_for(city: City, sectors: frozenset[str]) -> tuple[list[Theme], list[int]]:
    themes, weights = [], []
    for theme in THEMES:
        if any(code in sectors for code in theme.divisions):
            themes.append(theme)
            weights.append(theme.weight * (4 if theme.key in city.themes else 1))
    return themes, weights


def _brand(rng: random.Random) -> tuple[str, str]:
    while True:
        (first, first_pinyin), (second, second_pinyin) = rng.sample(BRAND_CHARACTERS, 2)
        if first + second not in EXCLUDED_BRANDS:
            return first + second, (first_pinyin + second_pinyin).capitalize()


def _ownership(rng: random.Random, theme: Theme) -> str:
    if rng.random() < theme.state_share:
        return rng.choice(("state_owned", "state_owned", "mixed"))
    return "foreign_invested" if rng.random() < 0.1 else "private"


def _profile(rng: random.Random, available: Available) -> _Profile:
    city = rng.choices(available.cities, weights=[c.weight for c in available.cities])[0]
    themes, weights = _themes_for(city, available.sectors)
    theme = rng.choices(themes, weights=weights)[0]
    size = rng.choices(range(5), weights=(22, 35, 25, 13, 5))[0]
    listing_weights = LISTING_BY_SIZE[size]
    markets = [code for code in theme.markets if code in available.countries]
    return _Profile(
        city=city,
        theme=theme,
        sector=rng.choice([code for code in theme.divisions if code in available.sectors]),
        brand=_brand(rng),
        size=size,
        ownership=_ownership(rng, theme),
        listing=rng.choices(list(listing_weights), weights=list(listing_weights.values()))[0],
        year=rng.randint(2012, 2022) if size < 2 else rng.randint(1993, 2016),
        countries=tuple(rng.sample(markets, min(len(markets), rng.randint(1, 5)))),
    )


def _showcase(drawn: _Profile, available: Available) -> _Profile:
    """The first demo enterprise, the one the enterprise demo account acts for."""
    city = next((c for c in available.cities if c.code == "310000"), drawn.city)
    theme = THEMES_BY_KEY["ev_battery"]
    if "38" not in available.sectors:
        return drawn
    markets = tuple(code for code in ("HU", "TH", "SA", "AE") if code in available.countries)
    return replace(
        drawn,
        city=city,
        theme=replace(theme, terms=theme.terms[:1]),
        sector="38",
        brand=("凌澜", "Linglan"),
        size=2,
        ownership="private",
        listing="preparing",
        year=2016,
        countries=markets,
    )


def _names(rng: random.Random, profile: _Profile) -> tuple[str, str]:
    term, term_en = rng.choice(profile.theme.terms)
    brand, brand_en = profile.brand
    city, city_en = profile.city.name_zh, profile.city.name_en
    form, form_en = "有限公司", "Co., Ltd."
    if profile.listing.startswith("listed") or (profile.size >= 3 and rng.random() < 0.4):
        form = "股份有限公司"
    if profile.size >= 3 and rng.random() < 0.35:
        form, form_en = "集团" + form, "Group Co., Ltd."
    if profile.ownership == "foreign_invested":
        return f"{brand}（{city}）{term}{form}", f"{brand_en} ({city_en}) {term_en} {form_en}"
    if profile.size >= 3 and rng.random() < 0.3:
        return f"{brand}{term}{form}", f"{brand_en} {term_en} {form_en}"
    return f"{city}{brand}{term}{form}", f"{city_en} {brand_en} {term_en} {form_en}"


def _groups(
    rng: random.Random, countries: tuple[str, ...], available: Available
) -> tuple[str, ...]:
    groups = [
        code
        for code, members in GROUP_HINTS.items()
        if members.intersection(countries) and rng.random() < 0.5
    ]
    if "bri" not in groups and rng.random() < 0.2:
        groups.append("bri")
    return tuple(sorted(code for code in groups[:3] if code in available.groups))


def _needs(rng: random.Random, profile: _Profile, available: Available) -> tuple[NeedSpec, ...]:
    weights = {code: BASE_NEED_WEIGHTS.get(code, 1) for code in available.needs}
    for code, extra in profile.theme.needs.items():
        if code in weights:
            weights[code] += extra
    if profile.listing == "preparing" and "fundraising.ipo" in weights:
        weights["fundraising.ipo"] += 12
    count = rng.choices((1, 2, 3, 4), weights=(20, 35, 30, 15))[0]
    needs = []
    for position, code in enumerate(weighted_sample(rng, weights, count)):
        notes = NEED_NOTES.get(code, ())
        note = rng.choice(notes)[0] if notes and rng.random() < 0.35 else ""
        priority = (
            "high"
            if position == 0 and rng.random() < 0.7
            else rng.choice(("high", "medium", "medium", "low"))
        )
        timeline = rng.choices(list(TIMELINES), weights=list(TIMELINES.values()))[0]
        needs.append(NeedSpec(code, priority, timeline, note))
    return tuple(needs)


def _contacts(rng: random.Random, profile: _Profile, english: bool) -> tuple[ContactSpec, ...]:
    domain = (
        f"{profile.brand[1].lower()}-{profile.city.name_en.lower().replace(chr(39), '')}.example"
    )
    contacts = []
    for position in range(rng.choices((1, 2, 3), weights=(45, 40, 15))[0]):
        surname, surname_pinyin = rng.choice(SURNAMES)
        given, given_pinyin = rng.choice(GIVEN_NAMES)
        title = JOB_TITLES[rng.randrange(3)] if position == 0 else rng.choice(JOB_TITLES)
        languages = ("zh", "en") if english or rng.random() < 0.4 else ("zh",)
        contacts.append(
            ContactSpec(
                full_name=f"{surname}{given}",
                title=title[1] if english else title[0],
                email=f"{given_pinyin}.{surname_pinyin}@{domain}".lower(),
                phone=f"+86 1{rng.choice('3589')}{rng.randrange(10)} "
                f"{rng.randrange(10000):04d} {rng.randrange(10000):04d}",
                languages=languages,
                has_consent=rng.random() < 0.85,
            )
        )
    return tuple(contacts)


def enterprise_spec(
    *, seed: int, index: int, available: Available, prefix: str, serial: int, attempt: int = 0
) -> EnterpriseSpec:
    """Enterprise number ``index`` of the set ``seed``; ``prefix`` starts its external id.

    ``serial`` makes the social credit code unique; ``attempt`` draws another enterprise for
    the same row when the first one's name is taken.
    """
    rng = row_random(seed, f"{prefix}/{attempt}", index)
    profile = _profile(rng, available)
    if index == 0 and prefix == "DEMO-E":
        profile = _showcase(profile, available)
    names = _names(rng, profile)
    return _spec(
        rng, profile, available, external_id=f"{prefix}-{index + 1:06d}", serial=serial, names=names
    )


def _spec(
    rng: random.Random,
    profile: _Profile,
    available: Available,
    *,
    external_id: str,
    serial: int,
    names: tuple[str, str],
) -> EnterpriseSpec:
    theme = profile.theme
    english = rng.random() < 0.18
    needs = _needs(rng, profile, available)
    size_step = rng.choice((-1, 0, 0, 1))
    products = tuple(rng.sample(theme.products, min(2, len(theme.products))))
    hs_count = rng.randint(1, min(3, len(theme.hs_codes))) if theme.hs_codes else 0
    return EnterpriseSpec(
        external_id=external_id,
        name_zh=names[0],
        name_en=names[1],
        social_credit_code=social_credit_code(
            area_code=profile.city.code, serial=serial, newer=profile.year >= 2015
        ),
        province_code=available.province_of[profile.city.code],
        city_code=profile.city.code,
        sector_code=profile.sector,
        employee_band=EMPLOYEE_BANDS[profile.size],
        revenue_band=REVENUE_BANDS[max(0, min(4, profile.size + size_step))],
        ownership=profile.ownership,
        listing_status=profile.listing,
        hs_codes=tuple(sorted(rng.sample(theme.hs_codes, hs_count))),
        description=describe(
            rng,
            profile,
            name="公司" if not english else "the company",
            products=products,
            goods=bool(theme.hs_codes),
            need_codes=[need.code for need in needs],
            chinese=not english,
        ),
        description_language="en" if english else "zh-hans",
        website=f"https://www.{profile.brand[1].lower()}-{theme.key.replace('_', '')}.example"
        if rng.random() < 0.7
        else "",
        target_countries=tuple(sorted(profile.countries)),
        target_groups=_groups(rng, profile.countries, available),
        needs=needs,
        contacts=_contacts(rng, profile, english),
    )


def enterprise_specs(
    *,
    seed: int,
    count: int,
    available: Available,
    prefix: str = "DEMO-E",
    start: int = 0,
    serial_base: int = 0,
) -> Iterator[EnterpriseSpec]:
    """``count`` enterprises with distinct registered names, beginning at row ``start``."""
    available.check()
    seen: set[str] = set()
    for index in range(start, start + count):
        attempt = 0
        while True:
            spec = enterprise_spec(
                seed=seed,
                index=index,
                available=available,
                prefix=prefix,
                serial=serial_base + index,
                attempt=attempt,
            )
            if spec.name_zh not in seen or attempt >= 30:
                break
            attempt += 1
        seen.add(spec.name_zh)
        yield spec
