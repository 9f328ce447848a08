"""Demo roadmaps: believable figures for every enterprise with a case, then its roadmap.

Figures follow the enterprise's revenue band and sector: a pharmaceutical manufacturer
(GB/T division 27) is a research-stage biotech with little or no revenue and a core product
somewhere in trials; others earn what their band says, at margins drawn per enterprise.
Amounts are in Hong Kong dollars, so the demo needs no exchange rate.
"""

from __future__ import annotations

import random
from decimal import Decimal

from goglobal.enterprises.models import Enterprise
from goglobal.roadmaps import services
from goglobal.roadmaps.models import Roadmap

# Revenue band -> a typical latest-year revenue in HK$.
REVENUE = {
    "lt20m": 12_000_000,
    "20m_200m": 110_000_000,
    "200m_1b": 560_000_000,
    "1b_10b": 3_800_000_000,
    "10b_plus": 16_000_000_000,
}
BIOTECH_DIVISIONS = {"27"}
LAST_YEAR = 2025


Year = dict[str, object]


def _years(rng: random.Random, enterprise: Enterprise) -> tuple[list[Year], int, str]:
    sector = enterprise.sector.code if enterprise.sector_id else ""
    if sector in BIOTECH_DIVISIONS:
        spend = rng.choice([180, 260, 340, 420]) * 1_000_000
        biotech: list[Year] = [
            {
                "year": LAST_YEAR - back,
                "currency": "HKD",
                "revenue": rng.choice([0, 0, 20_000_000]),
                "profit": -int(spend * (1 - 0.12 * back)),
                "operating_cash_flow": -int(spend * 0.9 * (1 - 0.12 * back)),
                "operating_expense": int(spend * (1 - 0.12 * back)),
                "rnd_expense": int(spend * 0.78 * (1 - 0.12 * back)),
            }
            for back in range(3)
        ]
        cap = rng.choice([1_200, 1_800, 2_500, 4_000]) * 1_000_000
        return biotech, cap, rng.choice(["preclinical", "phase_1", "phase_2", "phase_3"])
    revenue = REVENUE.get(enterprise.revenue_band, 110_000_000) * rng.uniform(0.8, 1.25)
    margin = rng.uniform(0.03, 0.16)
    growth = rng.uniform(0.04, 0.22)
    years: list[Year] = []
    for back in range(3):
        turnover = revenue / ((1 + growth) ** back)
        expense = turnover * (1 - margin)
        years.append(
            {
                "year": LAST_YEAR - back,
                "currency": "HKD",
                "revenue": int(turnover),
                "profit": int(turnover * margin),
                "operating_cash_flow": int(turnover * margin * rng.uniform(0.8, 1.3)),
                "operating_expense": int(expense),
                "rnd_expense": int(expense * rng.uniform(0.02, 0.2)),
            }
        )
    cap = int(revenue * rng.uniform(1.2, 4.5))
    return years, cap, ""


def roadmaps_demo_create(seed: int) -> list[Roadmap]:
    """Figures and a first roadmap for every enterprise that has a case."""
    made = []
    enterprises = (
        Enterprise.objects.filter(cases__isnull=False, deleted_at__isnull=True)
        .select_related("sector")
        .distinct()
        .order_by("pk")
    )
    for enterprise in enterprises:
        rng = random.Random(f"{seed}:roadmap:{enterprise.pk}")
        years, cap, stage = _years(rng, enterprise)
        services.figures_save(
            actor=None,
            enterprise=enterprise,
            seen_version=None,
            data=services.FiguresInput(
                expected_market_cap=Decimal(cap),
                market_cap_currency="HKD",
                core_product_stage=stage,
                financials=years,
            ),
        )
        roadmap = services.roadmap_generate(actor=None, enterprise=enterprise)
        if roadmap is not None:
            made.append(roadmap)
    return made
