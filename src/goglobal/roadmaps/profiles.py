"""An enterprise on the platform, written as the roadmap engine's input profile.

The format is ``goglobal-roadmap-profile/1`` (docs/roadmap-format.md): the same file anyone can
feed to ``goglobal roadmap``, so a roadmap seen on the platform can be reproduced from the
command line with the stored profile.
"""

from __future__ import annotations

import datetime
from typing import Any

from goglobal.enterprises.models import Enterprise, ListingStatus

PROFILE_FORMAT = "goglobal-roadmap-profile/1"

# The platform's listing statuses, in the engine's terms: where the shares already trade.
LISTING_STATUS: dict[str, str] = {
    ListingStatus.UNLISTED: "unlisted",
    ListingStatus.PREPARING: "unlisted",
    ListingStatus.MAINLAND: "a_share",
    ListingStatus.HONG_KONG: "h_share",
    ListingStatus.DUAL: "h_share",
    ListingStatus.OVERSEAS: "overseas",
}

FINANCIAL_KEYS = (
    "revenue",
    "profit",
    "operating_cash_flow",
    "operating_expense",
    "rnd_expense",
)


# A targeted grouping as small as ASEAN or the GCC stands for its members; a larger one (Belt
# and Road) does not, and the engine's ranking of the best other markets picks from it.
GROUP_AS_MEMBERS_UP_TO = 12


def _target_markets(enterprise: Enterprise) -> list[str]:
    codes = {country.code for country in enterprise.target_countries.all()}
    for group in enterprise.target_groups.all():
        members = [m.country.code for m in group.memberships.select_related("country")]
        if len(members) <= GROUP_AS_MEMBERS_UP_TO:
            codes.update(members)
    return sorted(codes)


def _financials(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    years = []
    for row in rows:
        year: dict[str, Any] = {"year": int(row["year"]), "currency": row.get("currency", "HKD")}
        for key in FINANCIAL_KEYS:
            if row.get(key) not in (None, ""):
                year[key] = int(row[key])
        years.append(year)
    return sorted(years, key=lambda y: y["year"], reverse=True)


def profile_of(enterprise: Enterprise, *, as_of: datetime.date) -> dict[str, Any]:
    """The engine's input for ``enterprise`` with the rules in force on ``as_of``."""
    body: dict[str, Any] = {
        "name_zh_hans": enterprise.name_zh,
        "name_en": enterprise.name_en,
        "province": enterprise.province.name_zh_hans if enterprise.province_id else "",
        "city": enterprise.city.name_zh_hans if enterprise.city_id else "",
        "sector": enterprise.sector.code if enterprise.sector_id else "",
        "ownership": enterprise.ownership,
        "listing_status": LISTING_STATUS.get(str(enterprise.listing_status), "unlisted"),
        "description": enterprise.description,
        "target_markets": _target_markets(enterprise),
        "needs": sorted(need.need.code for need in enterprise.needs.select_related("need")),
    }
    figures = getattr(enterprise, "roadmap_figures", None)
    if figures is not None:
        if figures.core_product_stage:
            body["core_product_stage"] = figures.core_product_stage
        if figures.expected_market_cap is not None:
            body["expected_market_cap"] = {
                "amount": int(figures.expected_market_cap),
                "currency": figures.market_cap_currency,
            }
        if figures.financials:
            body["financials"] = _financials(figures.financials)
    return {"format": PROFILE_FORMAT, "as_of": as_of.isoformat(), "enterprise": body}
