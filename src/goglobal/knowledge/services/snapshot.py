"""The loaded knowledge base as the roadmap engine's plain-data snapshot.

``snapshot_build()`` reads every fact the engine uses (rules in force and their history,
agreements with their parties, Hong Kong offices, functions with their steps and points,
schemes, markets, the World Bank series for ranking) in a fixed number of queries and returns
``engines.roadmap.model.Snapshot``. Build it once and reuse it for many roadmaps; build it again
after the knowledge base changes.

Fact ids: ``rule:<code>@<from>``, ``agreement:<code>``, ``office:<code>``,
``indicator:<code>``, ``function:<code>``, ``point:<function>:<code>``,
``step:<function>#<position>``, ``scheme:<code>``, ``market:<ISO code>``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Model

from goglobal.engines.roadmap.model import (
    AgreementEntry,
    Fact,
    FunctionEntry,
    FunctionPoint,
    FunctionStep,
    IndicatorValue,
    MarketEntry,
    OfficeEntry,
    RuleEntry,
    SchemeEntry,
    Snapshot,
)
from goglobal.knowledge import models as km

RANKING_INDICATORS = ("NY.GDP.MKTP.CD", "NE.IMP.GNFS.ZS", "NY.GDP.MKTP.KD.ZG")
INDICATOR_YEARS = 12  # the latest years kept per series


def _fact(
    facts: dict[str, Fact],
    fact_id: str,
    record: Model,
    en: str,
    zh_hans: str = "",
    zh_hant: str = "",
    verified: bool = True,
) -> str:
    source = record.source  # type: ignore[attr-defined]
    facts[fact_id] = Fact(
        id=fact_id,
        statement={"en": en, "zh-hans": zh_hans or en, "zh-hant": zh_hant or zh_hans or en},
        source_title=source.title,
        source_url=source.url,
        source_publisher=source.publisher,
        checked_on=record.checked_on,  # type: ignore[attr-defined]
        verified=verified,
        source_kind=getattr(source, "kind", ""),
    )
    return fact_id


def _status_text(agreement: km.Agreement) -> str:
    parts = [f"{agreement.name_en}: {agreement.get_status_display()}"]
    if agreement.signed_on:
        parts.append(f"signed {agreement.signed_on.isoformat()}")
    if agreement.in_force_on:
        parts.append(f"in force since {agreement.in_force_on.isoformat()}")
    return ", ".join(parts) + "."


def snapshot_build(*, as_of: date | None = None) -> Snapshot:  # noqa: C901 - one read per table
    """Every fact the roadmap engine reads, as plain data (about ten queries)."""
    facts: dict[str, Fact] = {}
    rules = []
    for row in km.RuleValue.objects.select_related("source"):
        fact_id = _fact(
            facts,
            f"rule:{row.code}@{row.effective_from.isoformat()}",
            row,
            row.text_en,
            row.text_zh_hans,
            row.text_zh_hant,
            verified=row.is_verified,
        )
        rules.append(
            RuleEntry(
                code=row.code,
                effective_from=row.effective_from,
                effective_to=row.effective_to,
                value=row.value,
                unit=row.unit,
                fact=fact_id,
                data=dict(row.data or {}),
                temporary=row.is_temporary,
            )
        )
    parties: dict[int, list[str]] = defaultdict(list)
    for party in km.AgreementParty.objects.select_related("country").order_by("country__code"):
        parties[party.agreement_id].append(party.country.code)
    agreements = []
    for agreement in km.Agreement.objects.select_related("source"):
        fact_id = _fact(
            facts,
            f"agreement:{agreement.code}",
            agreement,
            _status_text(agreement),
            agreement.name_zh_hans,
            agreement.name_zh_hant,
            verified=agreement.is_verified,
        )
        agreements.append(
            AgreementEntry(
                code=agreement.code,
                kind=agreement.kind,
                status=agreement.status,
                parties=tuple(parties.get(agreement.pk, ())),
                fact=fact_id,
                signed_on=agreement.signed_on,
                in_force_on=agreement.in_force_on,
            )
        )
    offices = []
    for office in km.Office.objects.select_related("source", "country"):
        fact_id = _fact(
            facts,
            f"office:{office.code}",
            office,
            f"{office.name_en} ({office.city_en}): {office.get_status_display()}.",
            office.name_zh_hans,
            office.name_zh_hant,
            verified=office.is_verified,
        )
        offices.append(
            OfficeEntry(
                code=office.code,
                kind=office.kind,
                status=office.status,
                country=office.country.code,
                city=office.city_en,
                fact=fact_id,
            )
        )
    series_fact = {}
    for indicator in km.Indicator.objects.select_related("source").filter(
        code__in=RANKING_INDICATORS
    ):
        series_fact[indicator.pk] = _fact(
            facts,
            f"indicator:{indicator.code}",
            indicator,
            indicator.name_en,
            indicator.name_zh_hans,
            indicator.name_zh_hant,
        )
    last_year = (as_of or date.today()).year  # noqa: DTZ011 - a calendar year, not a moment
    values = km.IndicatorValue.objects.filter(
        indicator_id__in=list(series_fact),
        country__isnull=False,
        is_aggregate=False,
        year__gt=last_year - INDICATOR_YEARS,
    ).values_list("indicator_id", "indicator__code", "country__code", "year", "value")
    indicators = tuple(
        IndicatorValue(
            indicator=code, country=country, year=year, value=value, fact=series_fact[pk]
        )
        for pk, code, country, year, value in values
    )
    steps: dict[int, list[FunctionStep]] = defaultdict(list)
    for step in km.FunctionStep.objects.select_related("source", "function").order_by(
        "function_id", "position"
    ):
        fact_id = _fact(
            facts,
            f"step:{step.function.code}#{step.position}",
            step,
            step.title_en,
            step.title_zh_hans,
            step.title_zh_hant,
            verified=step.is_verified,
        )
        steps[step.function_id].append(
            FunctionStep(
                position=step.position,
                side=step.side,
                title={
                    "en": step.title_en,
                    "zh-hans": step.title_zh_hans or step.title_en,
                    "zh-hant": step.title_zh_hant or step.title_zh_hans or step.title_en,
                },
                duration=step.duration,
                documents=tuple(step.documents or ()),
                provider_categories=tuple(step.provider_categories or ()),
                fact=fact_id,
            )
        )
    points: dict[int, list[FunctionPoint]] = defaultdict(list)
    for point in km.FunctionPoint.objects.select_related("source", "function"):
        fact_id = _fact(
            facts,
            f"point:{point.function.code}:{point.code}",
            point,
            point.text_en,
            point.text_zh_hans,
            point.text_zh_hant,
            verified=point.is_verified,
        )
        points[point.function_id].append(
            FunctionPoint(code=point.code, kind=point.kind, fact=fact_id)
        )
    functions = []
    for function in km.HongKongFunction.objects.select_related("source"):
        fact_id = _fact(
            facts,
            f"function:{function.code}",
            function,
            function.summary_en or function.name_en,
            function.summary_zh_hans or function.name_zh_hans,
            function.summary_zh_hant or function.name_zh_hant,
            verified=function.is_verified,
        )
        functions.append(
            FunctionEntry(
                code=function.code,
                group=function.group,
                need_codes=tuple(function.need_codes or ()),
                provider_categories=tuple(function.provider_categories or ()),
                fact=fact_id,
                steps=tuple(steps.get(function.pk, ())),
                points=tuple(points.get(function.pk, ())),
            )
        )
    schemes = []
    for scheme in km.Scheme.objects.select_related("source"):
        fact_id = _fact(
            facts,
            f"scheme:{scheme.code}",
            scheme,
            f"{scheme.name_en}. {scheme.criteria_en}".strip(),
            scheme.name_zh_hans,
            scheme.name_zh_hant,
            verified=scheme.is_verified,
        )
        schemes.append(
            SchemeEntry(
                code=scheme.code,
                kind=scheme.kind,
                applicant=scheme.applicant,
                eligibility=scheme.eligibility,
                need_codes=tuple(scheme.need_codes or ()),
                fact=fact_id,
                launched_on=scheme.launched_on,
            )
        )
    markets = []
    for country in km.Country.objects.select_related("source"):
        fact_id = _fact(
            facts,
            f"market:{country.code}",
            country,
            f"{country.name_en} ({country.code})",
            country.name_zh_hans,
            country.name_zh_hant,
        )
        markets.append(
            MarketEntry(
                code=country.code,
                name={
                    "en": country.name_en,
                    "zh-hans": country.name_zh_hans,
                    "zh-hant": country.name_zh_hant,
                },
                region=country.region,
                fact=fact_id,
            )
        )
    return Snapshot(
        facts=facts,
        rules=tuple(rules),
        agreements=tuple(agreements),
        offices=tuple(offices),
        indicators=indicators,
        functions=tuple(functions),
        schemes=tuple(schemes),
        markets=tuple(markets),
    )
