"""Demo Hong Kong service providers as plain specifications: same seed → same rows."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from goglobal.demo.catalog import Available, row_random
from goglobal.demo.naming import and_list, hk_brand, simplified, title_case, with_district
from goglobal.demo.words_directory import CATEGORIES, Category
from goglobal.demo.words_industries import THEMES, Theme
from goglobal.demo.words_places import MAINLAND_OFFICES, OFFICE_CITIES, OfficeCity

BASE_LANGUAGES = ("yue", "en", "zh")


@dataclass(frozen=True)
class MarketSpec:
    country: str
    presence: str  # office or network
    city: str


@dataclass(frozen=True)
class ProviderSpec:
    external_id: str
    name_en: str
    name_zh_hant: str
    name_zh_hans: str
    category: str
    needs: tuple[str, ...]
    sectors: tuple[str, ...]
    markets: tuple[MarketSpec, ...]
    languages: tuple[str, ...]
    licences: tuple[str, ...]
    capacity_per_month: int
    email: str
    website: str
    description: str
    description_language: str

    def values(self) -> dict[str, object]:
        return {
            "external_id": self.external_id,
            "name_en": self.name_en,
            "name_zh_hant": self.name_zh_hant,
            "name_zh_hans": self.name_zh_hans,
            "category": self.category,
            "languages": list(self.languages),
            "licences": list(self.licences),
            "capacity_per_month": self.capacity_per_month,
            "email": self.email,
            "website": self.website,
            "description": self.description,
            "description_language": self.description_language,
        }


def category_schedule(seed: int, size: int = 200) -> list[Category]:
    """One of each category first, then the rest in their shares, shuffled by ``seed``."""
    rest = [c for c in CATEGORIES for _ in range(max(0, c.share - 1))]
    row_random(seed, "provider-schedule", 0).shuffle(rest)
    return [*CATEGORIES, *rest][:size] if size else list(CATEGORIES)


def _themes(rng: random.Random, category: Category, available: Available) -> list[Theme]:
    usable = [t for t in THEMES if any(code in available.sectors for code in t.divisions)]
    low, high = category.sectors
    return rng.sample(usable, min(len(usable), rng.randint(low, high)))


def _markets(
    rng: random.Random, category: Category, available: Available
) -> tuple[list[MarketSpec], list[OfficeCity], list[OfficeCity]]:
    cities = [city for city in OFFICE_CITIES if city.country in available.countries]
    rng.shuffle(cities)
    by_country = list({city.country: city for city in cities}.values())
    offices = by_country[: rng.randint(*category.offices)]
    partners = by_country[len(offices) : len(offices) + rng.randint(*category.partners)]
    markets = [MarketSpec("HK", "office", "Hong Kong")] if "HK" in available.countries else []
    if "CN" in available.countries and category.offices[1] and rng.random() < 0.4:
        markets.append(MarketSpec("CN", "office", rng.choice(MAINLAND_OFFICES)[0]))
    markets += [MarketSpec(city.country, "office", city.name_en) for city in offices]
    markets += [MarketSpec(city.country, "network", city.name_en) for city in partners]
    return markets, offices, partners


def _names(rng: random.Random, category: Category, theme: Theme) -> tuple[str, str]:
    brand, brand_zh = hk_brand(rng)
    pattern, pattern_zh = rng.choice(category.names)
    return (
        pattern.format(brand=brand, theme=title_case(theme.label[0])),
        pattern_zh.format(brand=brand_zh, theme=theme.label[2]),
    )


def _describe(
    rng: random.Random,
    category: Category,
    names: tuple[str, str],
    themes: list[Theme],
    offices: list[OfficeCity],
    partners: list[OfficeCity],
) -> tuple[str, str]:
    focus = rng.sample(category.focus, min(2, len(category.focus)))
    labels = [theme.label for theme in themes[:3]]
    if rng.random() < 0.6:
        text = (
            f"{names[0]} is a Hong Kong {category.noun[0]}. It helps mainland enterprises with "
            f"{and_list([f[0] for f in focus])}, above all in "
            f"{and_list([label[0] for label in labels])}."
        )
        if offices:
            text += (
                f" Besides Hong Kong, it has offices in {and_list([o.name_en for o in offices])}"
            )
            text += (
                f" and partner firms in {and_list([p.name_en for p in partners])}."
                if partners
                else "."
            )
        elif partners:
            text += f" It works with partner firms in {and_list([p.name_en for p in partners])}."
        return text + " Its team works in Cantonese, Putonghua and English.", "en"
    text = (
        f"{names[1]}是一家香港{category.noun[1]}，主要協助內地企業處理"
        f"{'、'.join(f[1] for f in focus)}等事務，"
        f"尤其熟悉{'、'.join(label[2] for label in labels)}行業。"
    )
    if offices:
        text += f"除香港外，於{'、'.join(o.name_zh_hant for o in offices)}設有辦事處"
        text += (
            f"，並與{'、'.join(p.name_zh_hant for p in partners)}的夥伴緊密合作。"
            if partners
            else "。"
        )
    elif partners:
        text += f"與{'、'.join(p.name_zh_hant for p in partners)}的夥伴緊密合作。"
    return text + "團隊以粵語、普通話及英語提供服務。", "zh-hant"


def provider_spec(
    *,
    seed: int,
    index: int,
    category: Category,
    available: Available,
    prefix: str,
    attempt: int = 0,
) -> ProviderSpec:
    rng = row_random(seed, f"{prefix}/{attempt}", index)
    themes = _themes(rng, category, available)
    names = _names(rng, category, themes[0])
    if attempt >= 3:
        names = with_district(rng, names)
    markets, offices, partners = _markets(rng, category, available)
    extras = [code for code in category.extra_needs if code in available.needs]
    needs = [code for code in category.core_needs if code in available.needs]
    needs += rng.sample(extras, rng.randint(0, len(extras)))
    sectors = {rng.choice(theme.divisions) for theme in themes}
    languages = list(BASE_LANGUAGES)
    for office in offices:
        languages += [code for code in office.languages if code not in languages]
    description, language = _describe(rng, category, names, themes, offices, partners)
    slug = names[0].split()[0].lower()
    return ProviderSpec(
        external_id=f"{prefix}-{index + 1:06d}",
        name_en=names[0],
        name_zh_hant=names[1],
        name_zh_hans=simplified(names[1]),
        category=category.key,
        needs=tuple(sorted(needs)),
        sectors=tuple(sorted(code for code in sectors if code in available.sectors)),
        markets=tuple(markets),
        languages=tuple(languages),
        licences=tuple(
            rng.sample(category.licences, rng.randint(1, min(3, len(category.licences))))
        ),
        capacity_per_month=rng.randint(*category.capacity),
        email=f"goglobal@{slug}.example",
        website=f"https://www.{slug}.example",
        description=description,
        description_language=language,
    )


def provider_specs(
    *, seed: int, count: int, available: Available, prefix: str = "DEMO-P", start: int = 0
) -> Iterator[ProviderSpec]:
    """``count`` providers, every category among the first twelve, names distinct."""
    available.check()
    schedule = category_schedule(seed)
    seen: set[str] = set()
    for index in range(start, start + count):
        category = schedule[index % len(schedule)]
        attempt = 0
        while True:
            spec = provider_spec(
                seed=seed,
                index=index,
                category=category,
                available=available,
                prefix=prefix,
                attempt=attempt,
            )
            if spec.name_en not in seen or attempt >= 30:
                break
            attempt += 1
        seen.add(spec.name_en)
        yield spec
