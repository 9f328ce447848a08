"""What the loaded reference data offers the generators, as plain codes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from goglobal.demo.words_places import MAINLAND_CITIES, City
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector


@dataclass(frozen=True)
class Available:
    """The reference codes present in the database; generators choose only among these."""

    cities: tuple[City, ...]
    province_of: dict[str, str]  # city code -> province code
    sectors: frozenset[str]
    countries: frozenset[str]
    groups: frozenset[str]
    needs: tuple[str, ...]

    @classmethod
    def from_database(cls) -> Available:
        areas = {
            area.code: area.province.code if area.province is not None else area.code
            for area in AdministrativeArea.objects.select_related("province")
        }
        cities = tuple(city for city in MAINLAND_CITIES if city.code in areas)
        return cls(
            cities=cities,
            province_of={city.code: areas[city.code] for city in cities},
            sectors=frozenset(
                Sector.objects.filter(level=Sector.Level.DIVISION).values_list("code", flat=True)
            ),
            countries=frozenset(Country.objects.values_list("code", flat=True)),
            groups=frozenset(MarketGroup.objects.values_list("code", flat=True)),
            needs=tuple(NeedCode.objects.filter(is_active=True).values_list("code", flat=True)),
        )

    def check(self) -> None:
        if not (self.cities and self.sectors and self.countries and self.needs):
            raise LookupError(
                "Reference data is missing: run `goglobal knowledge load` before generating."
            )


def row_random(seed: int, kind: str, index: int) -> random.Random:
    """A generator of its own for each row, so row ``i`` is the same whatever the count."""
    return random.Random(f"{seed}:{kind}:{index}")


def weighted_sample(rng: random.Random, weights: dict[str, int], count: int) -> list[str]:
    """Up to ``count`` distinct keys, each draw proportional to its weight."""
    pool = dict(weights)
    chosen: list[str] = []
    while pool and len(chosen) < count:
        keys = list(pool)
        key = rng.choices(keys, weights=[pool[k] for k in keys])[0]
        chosen.append(key)
        del pool[key]
    return chosen
