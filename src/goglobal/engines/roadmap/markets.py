"""Target markets ranked by export potential through Hong Kong: supply × demand × access.

After the ITC's export potential indicator (supply × demand × ease of market access), from the
data the product ships:

- demand: the market's imports of goods and services in US$ (World Bank NY.GDP.MKTP.CD ×
  NE.IMP.GNFS.ZS, latest year up to ``as_of``), projected five years at its real GDP growth
  (NY.GDP.MKTP.KD.ZG, held within −5 % and +10 %), log-scaled to [0.1, 1] across the
  candidates; a market without the figures gets 0.3 and says so;
- access: what Hong Kong adds there: 0.3, plus 0.25 for a comprehensive double taxation
  agreement in force (0.1 signed), 0.2 for a free-trade agreement in force (0.1 signed), 0.15
  for an investment agreement in force (0.05 signed) and 0.1 for an open Hong Kong office
  (0.05 in preparation);
- supply: the enterprise's own capacity for the product is not in the profile, so it is 1 for
  every market and the ranking is demand × access.

Every target market is listed, plus the best ``OTHERS`` others; the mainland and Hong Kong
itself are not candidates.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from goglobal.engines.roadmap.context import Context, add, reason
from goglobal.engines.roadmap.model import AgreementEntry, Reason, Snapshot

OTHERS = 5
STATUS_ORDER = {"in_force": 3, "signed": 2, "negotiating": 1}
NOT_CANDIDATES = {"CN", "HK"}
GDP, IMPORTS, GROWTH = "NY.GDP.MKTP.CD", "NE.IMP.GNFS.ZS", "NY.GDP.MKTP.KD.ZG"


def _best(agreements: list[AgreementEntry]) -> str:
    if not agreements:
        return "none"
    return max(agreements, key=lambda a: STATUS_ORDER.get(a.status, 0)).status


def _latest(values: dict[int, float], year: int) -> tuple[int, float] | None:
    years = [y for y in values if y <= year]
    return (max(years), values[max(years)]) if years else None


def markets(ctx: Context) -> list[dict[str, Any]]:
    """Every target market plus the best ``OTHERS`` others, ranked."""
    rows = ctx.snapshot.derived.get(("markets", ctx.on.year))
    if rows is None:
        rows = _rows(ctx.snapshot, ctx.on.year, ())
        ctx.snapshot.derived[("markets", ctx.on.year)] = rows
    unknown = [code for code in ctx.profile.target_markets if code not in rows]
    if unknown:
        rows = {**rows, **_rows(ctx.snapshot, ctx.on.year, tuple(unknown), only_extra=True)}
    targets = set(ctx.profile.target_markets)
    ordered = sorted(rows.values(), key=lambda row: (-row["score"], row["market"]))
    chosen = [row for row in ordered if row["market"] in targets]
    chosen += [row for row in ordered if row["market"] not in targets][:OTHERS]
    chosen.sort(key=lambda row: (-row["score"], row["market"]))
    out = []
    for rank, template in enumerate(chosen, start=1):
        row = copy.deepcopy(template)
        row["target"] = row["market"] in targets
        row["rank"] = rank
        for fact in row["facts"]:
            ctx.used.setdefault(fact, None)
        out.append(row)
    return out


def _rows(  # noqa: C901 - one pass, documented above
    snap: Snapshot, year: int, extra: tuple[str, ...], *, only_extra: bool = False
) -> dict[str, dict[str, Any]]:
    """The row of every candidate market (or of ``extra`` codes alone), scored."""
    by_country: dict[str, list[AgreementEntry]] = {}
    for agreement in snap.agreements:
        for party in agreement.parties:
            by_country.setdefault(party, []).append(agreement)
    offices: dict[str, list[Any]] = {}
    for office in snap.offices:
        offices.setdefault(office.country, []).append(office)
    series: dict[tuple[str, str], dict[int, float]] = {}
    series_fact: dict[str, str] = {}
    for point in snap.indicators:
        series.setdefault((point.country, point.indicator), {})[point.year] = point.value
        series_fact[point.indicator] = point.fact
    names = {market.code: market for market in snap.markets}
    codes = [] if only_extra else [code for code in names if code not in NOT_CANDIDATES]
    codes += [code for code in extra if code not in codes and code not in NOT_CANDIDATES]
    rows: dict[str, dict[str, Any]] = {}
    projected: dict[str, float] = {}
    for code in codes:
        facts: list[str] = []
        reasons: list[Reason] = []
        market = names.get(code)
        if market is not None:
            add(facts, market.fact)
        else:
            reasons.append(reason("market.unknown", market=code))
        agreements = by_country.get(code, [])
        live = [a for a in agreements if a.status in ("in_force", "signed")]
        for agreement in agreements:
            add(facts, agreement.fact)
        cdta = _best([a for a in agreements if a.kind == "cdta"])
        ippa = _best([a for a in agreements if a.kind == "ippa"])
        ftas = sorted(a.code for a in live if a.kind == "fta")
        fta_status = _best([a for a in live if a.kind == "fta"])
        here = offices.get(code, [])
        open_offices = [o.code for o in here if o.status == "open"]
        preparing = [o.code for o in here if o.status == "preparing"]
        for office in here:
            if office.status in ("open", "preparing"):
                add(facts, office.fact)
        access = 0.3
        access += {"in_force": 0.25, "signed": 0.1}.get(cdta, 0.0)
        access += {"in_force": 0.2, "signed": 0.1}.get(fta_status, 0.0)
        access += {"in_force": 0.15, "signed": 0.05}.get(ippa, 0.0)
        access += 0.1 if open_offices else 0.05 if preparing else 0.0
        access = min(access, 1.0)
        gdp = _latest(series.get((code, GDP), {}), year)
        imports = _latest(series.get((code, IMPORTS), {}), year)
        growth = _latest(series.get((code, GROWTH), {}), year)
        figures: dict[str, Any] = {"access": round(access, 3)}
        if gdp and imports:
            value = gdp[1] * imports[1] / 100
            rate = max(-5.0, min(10.0, growth[1])) if growth else 0.0
            projected[code] = value * (1 + rate / 100) ** 5
            figures.update(
                imports_usd=round(value),
                imports_year=min(gdp[0], imports[0]),
                growth_pct=round(growth[1], 2) if growth else None,
            )
            add(facts, series_fact.get(GDP, ""))
            add(facts, series_fact.get(IMPORTS, ""))
            if growth:
                add(facts, series_fact.get(GROWTH, ""))
        else:
            reasons.append(reason("market.no_indicators", market=code))
        if cdta == "in_force":
            reasons.append(reason("market.cdta_in_force"))
        elif cdta == "signed":
            reasons.append(reason("market.cdta_signed"))
        else:
            reasons.append(reason("market.no_cdta"))
        if ftas:
            reasons.append(reason("market.fta", agreements=ftas))
        if ippa in ("in_force", "signed"):
            reasons.append(reason("market.ippa", status=ippa))
        if open_offices:
            reasons.append(reason("market.office", offices=open_offices))
        if preparing:
            reasons.append(reason("market.office_preparing", offices=preparing))
        rows[code] = {
            "market": code,
            "target": False,
            "rank": 0,
            "score": 0.0,
            "cdta": cdta,
            "fta": ftas,
            "ippa": ippa,
            "hk_offices": open_offices,
            "figures": figures,
            "reasons": reasons,
            "facts": facts,
        }
    low = high = 0.0
    if projected:
        low, high = math.log(min(projected.values())), math.log(max(projected.values()))
        span = high - low or 1.0
    for code, row in rows.items():
        scaled = (math.log(projected[code]) - low) / span if code in projected else None
        demand = 0.3 if scaled is None else 0.1 + 0.9 * scaled
        row["figures"]["demand"] = round(demand, 3)
        row["figures"]["supply"] = 1.0
        row["score"] = round(demand * row["figures"]["access"], 4)
    return rows
