"""Reference codes held in memory for one import or export: a dict lookup per cell, no query."""

from __future__ import annotations

from dataclasses import dataclass

from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector


@dataclass(frozen=True, slots=True)
class Area:
    id: int
    code: str
    level: str
    province_id: int | None


@dataclass(frozen=True)
class ReferenceCodes:
    """Code → id for each kind of reference row, and id → code for exports."""

    sectors: dict[str, int]
    areas: dict[str, Area]
    countries: dict[str, int]
    groups: dict[str, int]
    needs: dict[str, int]

    @classmethod
    def load(cls) -> ReferenceCodes:
        areas = {
            code: Area(id=pk, code=code, level=level, province_id=province_id)
            for pk, code, level, province_id in AdministrativeArea.objects.values_list(
                "pk", "code", "level", "province_id"
            )
        }
        return cls(
            sectors=dict(
                Sector.objects.filter(level=Sector.Level.DIVISION).values_list("code", "pk")
            ),
            areas=areas,
            countries=dict(Country.objects.values_list("code", "pk")),
            groups=dict(MarketGroup.objects.values_list("code", "pk")),
            needs=dict(NeedCode.objects.filter(is_active=True).values_list("code", "pk")),
        )

    def reverse(self) -> ReverseCodes:
        return ReverseCodes(
            sectors={pk: code for code, pk in self.sectors.items()},
            areas={area.id: code for code, area in self.areas.items()},
            countries={pk: code for code, pk in self.countries.items()},
            groups={pk: code for code, pk in self.groups.items()},
            # Inactive need codes are still exported, so that a round trip changes nothing.
            needs=dict(NeedCode.objects.values_list("pk", "code")),
        )


@dataclass(frozen=True)
class ReverseCodes:
    sectors: dict[int, str]
    areas: dict[int, str]
    countries: dict[int, str]
    groups: dict[int, str]
    needs: dict[int, str]
