"""Reads of reference data by code, with field-level errors for unknown codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from goglobal.engines.text import normalise
from goglobal.knowledge import usage
from goglobal.knowledge.models import (
    AdministrativeArea,
    Agreement,
    AgreementParty,
    Country,
    FunctionPoint,
    FunctionStep,
    GroupAccession,
    HongKongFunction,
    Indicator,
    IndicatorValue,
    MarketGroup,
    MarketGroupArea,
    MarketGroupMembership,
    Mechanism,
    MechanismInitiative,
    MechanismMeeting,
    NeedCode,
    Office,
    RuleValue,
    Scheme,
    Sector,
    Source,
    TaskForce,
    TaskForceMember,
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


def market_reach_codes(code: str) -> tuple[set[str], set[str]]:
    """As ``market_reach``, as country and grouping codes (two queries)."""
    memberships = MarketGroupMembership.objects.filter(left_on__isnull=True)
    group = MarketGroup.objects.filter(code=code.lower()).values_list("code", flat=True).first()
    if group is not None:
        members = memberships.filter(group__code=group).values_list("country__code", flat=True)
        return set(members), {group}
    country = Country.objects.filter(code=code.upper()).values_list("code", flat=True).first()
    if country is None:
        return set(), set()
    groups = memberships.filter(country__code=country).values_list("group__code", flat=True)
    return {country}, set(groups)


# --- markets, agreements, presence -----------------------------------------------------------

# Every kind of sourced, dated fact, keyed by a stable name used in URLs, the API and exports.
FACT_MODELS: dict[str, type[models.Model]] = {
    "country": Country,
    "market_group": MarketGroup,
    "membership": MarketGroupMembership,
    "group_accession": GroupAccession,
    "agreement": Agreement,
    "agreement_party": AgreementParty,
    "office": Office,
    "indicator": Indicator,
    "sector": Sector,
    "area": AdministrativeArea,
    "need": NeedCode,
    "function": HongKongFunction,
    "function_step": FunctionStep,
    "function_point": FunctionPoint,
    "scheme": Scheme,
    "mechanism": Mechanism,
    "mechanism_meeting": MechanismMeeting,
    "mechanism_initiative": MechanismInitiative,
    "group_area": MarketGroupArea,
    "task_force": TaskForce,
    "task_force_member": TaskForceMember,
    "rule": RuleValue,
}
CHART_INDICATORS = ("NY.GDP.MKTP.CD", "NY.GDP.MKTP.KD.ZG", "NY.GDP.PCAP.CD", "SP.POP.TOTL")
MAX_COMPARED = 5


def market_list_search(*, user: Any, query: str = "", region: str = "") -> QuerySet[Country]:
    """Countries and territories whose code or name (any language) contains ``query``."""
    markets = Country.objects.all()
    query = query.strip()
    if query:
        markets = markets.filter(
            Q(code__iexact=query)
            | Q(alpha3__iexact=query)
            | Q(name_en__icontains=query)
            | Q(name_zh_hans__icontains=query)
            | Q(name_zh_hant__icontains=query)
        )
    if region:
        markets = markets.filter(region=region)
    return markets.order_by("name_en")


def market_get_for(*, user: Any, code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


@dataclass
class MarketProfile:
    country: Country
    memberships: list[MarketGroupMembership]
    agreements: list[Agreement]
    offices: list[Office]
    series: dict[Indicator, list[tuple[int, float]]] = field(default_factory=dict)

    def agreements_of(self, kind: str) -> list[Agreement]:
        return [agreement for agreement in self.agreements if agreement.kind == kind]

    @property
    def cdtas(self) -> list[Agreement]:
        return self.agreements_of(Agreement.Kind.CDTA)

    @property
    def ftas(self) -> list[Agreement]:
        return self.agreements_of(Agreement.Kind.FTA)

    @property
    def ippas(self) -> list[Agreement]:
        return self.agreements_of(Agreement.Kind.IPPA)

    def latest(self, code: str) -> tuple[int, float] | None:
        for indicator, points in self.series.items():
            if indicator.code == code and points:
                return points[-1]
        return None


def indicator_series(
    *, country: Country, codes: Iterable[str] | None = None
) -> dict[Indicator, list[tuple[int, float]]]:
    indicators = Indicator.objects.select_related("source", "second_source")
    if codes is not None:
        indicators = indicators.filter(code__in=list(codes))
    series: dict[Indicator, list[tuple[int, float]]] = {}
    values = IndicatorValue.objects.filter(area_code=country.alpha3).order_by("year")
    by_indicator: dict[int, list[tuple[int, float]]] = {}
    for indicator_id, year, value in values.values_list("indicator_id", "year", "value"):
        by_indicator.setdefault(indicator_id, []).append((year, value))
    for indicator in indicators:
        if indicator.pk in by_indicator:
            series[indicator] = by_indicator[indicator.pk]
    return series


def market_profile_get_for(*, user: Any, code: str) -> MarketProfile:
    country = market_get_for(user=user, code=code)
    return MarketProfile(
        country=country,
        memberships=list(
            country.memberships.select_related("group", "source", "second_source")
            .prefetch_related(
                Prefetch(
                    "group__accessions",
                    queryset=GroupAccession.objects.select_related(
                        "applicant", "source", "second_source"
                    ),
                )
            )
            .order_by("group__code")
        ),
        agreements=list(
            Agreement.objects.filter(coverage__country=country)
            .select_related("source", "second_source")
            .prefetch_related("coverage__country")
            .distinct()
        ),
        offices=list(
            country.offices.select_related("source", "second_source").order_by("kind", "code")
        ),
        series=indicator_series(country=country),
    )


def market_compare_for(*, user: Any, codes: Iterable[str]) -> list[MarketProfile]:
    wanted = [code.upper() for code in codes if code.strip()][:MAX_COMPARED]
    return [market_profile_get_for(user=user, code=code) for code in dict.fromkeys(wanted)]


def agreement_list_for(*, user: Any, kind: str = "", status: str = "") -> QuerySet[Agreement]:
    agreements = Agreement.objects.select_related("source", "second_source").prefetch_related(
        "coverage__country"
    )
    if kind:
        agreements = agreements.filter(kind=kind)
    if status:
        agreements = agreements.filter(status=status)
    return agreements


def market_regions() -> list[str]:
    regions = Country.objects.exclude(region="").values_list("region", flat=True)
    return sorted(set(regions))


def market_coverage() -> dict[int, set[str]]:
    """Country id → the kinds of Hong Kong agreement (and ``office``) it has, in two queries."""
    coverage: dict[int, set[str]] = {}
    for country_id, kind in AgreementParty.objects.values_list("country_id", "agreement__kind"):
        coverage.setdefault(country_id, set()).add(kind)
    open_offices = Office.objects.filter(status=Office.Status.OPEN)
    for country_id in open_offices.values_list("country_id", flat=True):
        coverage.setdefault(country_id, set()).add("office")
    return coverage


def agreement_counts() -> dict[str, dict[str, int]]:
    """Agreements and distinct markets covered per kind, derived from the data (never typed)."""
    counts: dict[str, dict[str, int]] = {}
    for kind in Agreement.Kind:
        agreements = Agreement.objects.filter(kind=kind)
        counts[kind.value] = {
            "agreements": agreements.count(),
            "markets": AgreementParty.objects.filter(agreement__in=agreements)
            .values("country")
            .distinct()
            .count(),
        }
    return counts


# --- staleness -------------------------------------------------------------------------------


MAX_STALE_MONTHS = 1200  # a century: further back than any fact's check


def stale_months() -> int:
    return int(getattr(settings, "GOGLOBAL_STALE_MONTHS", 12))


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, 28))


@dataclass(frozen=True, slots=True)
class StaleFact:
    kind: str
    record: models.Model
    checked_on: date
    features: tuple[usage.Feature, ...] = ()
    resting: int = 0

    @property
    def source(self) -> Source | None:
        return getattr(self.record, "source", None)

    @property
    def second_source(self) -> Source | None:
        return getattr(self.record, "second_source", None)

    @property
    def on_secondary_only(self) -> bool:
        """No official page behind the fact: its source (and second source, if any) are news,
        law-firm, reprint or encyclopedia pages."""
        sources = [source for source in (self.source, self.second_source) if source is not None]
        return bool(sources) and all(source.kind == Source.Kind.SECONDARY for source in sources)

    @property
    def dependence(self) -> tuple[int, int]:
        return (len(self.features), self.resting)


FACT_SORTS = ("use", "age")


def _sorted(facts: list[StaleFact], sort: str) -> list[StaleFact]:
    """``use``: what more features read, and more rows rest on, first, then the oldest check;
    ``age``: the oldest check first."""
    if sort == "age":
        return sorted(facts, key=lambda fact: (fact.checked_on, fact.kind, str(fact.record.pk)))
    return sorted(
        facts,
        key=lambda fact: (
            -len(fact.features),
            -fact.resting,
            fact.checked_on,
            fact.kind,
            str(fact.record.pk),
        ),
    )


def _facts_of(name: str, model: type[models.Model], records: QuerySet[Any]) -> list[StaleFact]:
    features = tuple(usage.features_of(name))
    annotations = usage.resting_annotations(name, model)
    rows = records.annotate(**annotations) if annotations else records
    return [
        StaleFact(
            kind=name,
            record=record,
            checked_on=record.checked_on,
            features=features,
            resting=usage.resting_total(record),
        )
        for record in rows
    ]


def stale_fact_list(
    *,
    user: Any = None,
    months: int | None = None,
    today: date | None = None,
    kind: str = "",
    sort: str = "age",
) -> list[StaleFact]:
    """Facts last checked before ``months`` months ago (the setting by default); oldest first,
    or with ``sort="use"`` those most depended on first (``_sorted``)."""
    months = stale_months() if months is None else max(0, min(months, MAX_STALE_MONTHS))
    cutoff = months_before(today or timezone.localdate(), months)
    facts: list[StaleFact] = []
    for name, model in FACT_MODELS.items():
        if kind and kind != name:
            continue
        facts += _facts_of(name, model, _with_source(model).filter(checked_on__lt=cutoff))
    return _sorted(facts, sort)


def fact_list(
    *,
    user: Any = None,
    kind: str = "",
    query: str = "",
    stale_after: int | None = None,
    sort: str = "age",
) -> list[StaleFact]:
    """Every fact (or those of ``kind``), optionally only those whose text holds ``query`` in any
    script and only those not checked for ``stale_after`` months; sorted as ``_sorted``."""
    if stale_after is not None:
        facts = stale_fact_list(user=user, months=stale_after, kind=kind, sort=sort)
    else:
        facts = []
        for name, model in FACT_MODELS.items():
            if not kind or kind == name:
                facts += _facts_of(name, model, _with_source(model))
        facts = _sorted(facts, sort)
    if query:
        wanted = normalise(query)
        facts = [fact for fact in facts if wanted in normalise(_fact_text(fact.record))]
    return facts


def fact_get_for(*, user: Any, kind: str, pk: int) -> StaleFact:
    """One fact with what reads it and what rests on it; 404 for an unknown kind or row."""
    model = FACT_MODELS.get(kind)
    if model is None:
        raise Http404
    facts = _facts_of(kind, model, _with_source(model).filter(pk=pk))
    if not facts:
        raise Http404
    return facts[0]


def fact_fields(record: models.Model) -> list[tuple[str, Any]]:
    """The row's own fields as (label, value) for the fact page; relations by their text."""
    fields = []
    for model_field in record._meta.concrete_fields:
        name = model_field.name
        if model_field.primary_key or name in {"source", "second_source", "checked_on"}:
            continue
        value = getattr(record, name)
        if value in (None, "", [], {}):
            continue
        if isinstance(model_field, models.BooleanField):
            value = gettext("yes") if value else gettext("no")
        elif model_field.choices:
            value = getattr(record, f"get_{name}_display")()
        elif isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        fields.append((str(model_field.verbose_name), value))
    return fields


def _with_source(model: type[models.Model]) -> QuerySet[Any]:
    """Rows with their source and every other row they name (their ``__str__`` uses them)."""
    related = [field.name for field in model._meta.fields if field.many_to_one]
    return model._default_manager.select_related(*related)


def _fact_text(record: models.Model) -> str:
    names = [
        str(getattr(record, f"name_{suffix}", "") or "") for suffix in ("en", "zh_hans", "zh_hant")
    ]
    return " ".join([str(record), *names, str(getattr(record, "code", "") or "")])
