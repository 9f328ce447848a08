"""Reads of reference data by code, with field-level errors for unknown codes."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from goglobal.knowledge.models import (
    AdministrativeArea,
    Country,
    MarketGroup,
    MarketGroupMembership,
    NeedCode,
    Sector,
)


def _unknown(field: str, codes: Iterable[str]) -> ValidationError:
    return ValidationError(
        {field: gettext("Unknown code: %(codes)s") % {"codes": ", ".join(sorted(codes))}}
    )


def area_by_code(code: str, *, field: str) -> AdministrativeArea:
    area = AdministrativeArea.objects.filter(code=code).first()
    if area is None:
        raise _unknown(field, [code])
    return area


def sector_division_by_code(code: str, *, field: str = "sector") -> Sector:
    sector = Sector.objects.filter(code=code, level=Sector.Level.DIVISION).first()
    if sector is None:
        raise _unknown(field, [code])
    return sector


def sectors_by_codes(codes: Iterable[str], *, field: str = "sectors") -> list[Sector]:
    wanted = set(codes)
    found = list(Sector.objects.filter(code__in=wanted))
    missing = wanted - {sector.code for sector in found}
    if missing:
        raise _unknown(field, missing)
    return found


def needs_by_codes(codes: Iterable[str], *, field: str = "needs") -> list[NeedCode]:
    wanted = set(codes)
    found = list(NeedCode.objects.filter(code__in=wanted, is_active=True))
    missing = wanted - {need.code for need in found}
    if missing:
        raise _unknown(field, missing)
    return found


def countries_by_codes(codes: Iterable[str], *, field: str = "markets") -> list[Country]:
    wanted = {code.upper() for code in codes}
    found = list(Country.objects.filter(code__in=wanted))
    missing = wanted - {country.code for country in found}
    if missing:
        raise _unknown(field, missing)
    return found


def markets_by_codes(
    codes: Iterable[str], *, field: str = "target_markets"
) -> tuple[list[Country], list[MarketGroup]]:
    """Split market codes into countries (ISO alpha-2) and groupings (``asean`` …)."""
    codes = list(codes)
    groups = list(MarketGroup.objects.filter(code__in=[c.lower() for c in codes]))
    group_codes = {group.code for group in groups}
    country_codes = [code for code in codes if code.lower() not in group_codes]
    return countries_by_codes(country_codes, field=field), groups


# The id lookups answer 0 for an unknown code: a filter on id 0 matches no row.


def need_id(code: str) -> int:
    return NeedCode.objects.filter(code=code).values_list("pk", flat=True).first() or 0


def sector_id(code: str) -> int:
    return Sector.objects.filter(code=code).values_list("pk", flat=True).first() or 0


def country_id(code: str) -> int:
    return Country.objects.filter(code=code.upper()).values_list("pk", flat=True).first() or 0


def market_reach(code: str) -> tuple[set[int], set[int]]:
    """Country ids and grouping ids that a market filter ``code`` reaches.

    A grouping reaches itself and its current members; a country reaches itself and every
    grouping it belongs to. So "ASEAN" finds enterprises aiming at Viet Nam, and "VN" finds
    enterprises aiming at ASEAN as a whole.
    """
    group = MarketGroup.objects.filter(code=code.lower()).first()
    memberships = MarketGroupMembership.objects.filter(left_on__isnull=True)
    if group is not None:
        countries = set(memberships.filter(group=group).values_list("country_id", flat=True))
        return countries, {group.pk}
    country = country_id(code)
    if not country:
        return set(), set()
    groups = set(memberships.filter(country_id=country).values_list("group_id", flat=True))
    return {country}, groups
