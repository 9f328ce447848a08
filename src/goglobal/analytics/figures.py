"""The catalogue's figures, recorded and confirmed, for a period, optionally cut by a dimension
and restricted to one slice (a mechanism, an event, an officer's portfolio).

Counts and sums are one aggregate query per KPI (and one per breakdown), grouped in the
database. Shares and medians (conversion, days in a stage, providers' answer time) read the few
columns they need and are finished in Python. Only live cases count: not deleted, of an
enterprise that is not deleted.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from goglobal.analytics import fx
from goglobal.analytics.catalogue import DIMENSIONS, MULTI_VALUED, Kpi, catalogue
from goglobal.cases import rules
from goglobal.cases.models import Case, CaseEvent, Confirmation, Outcome, Referral, ReferralEvent
from goglobal.events.models import Meeting, MeetingEncounter

NONE = "none"
CONFIRMED = Q(confirmation=Confirmation.CONFIRMED)
PRESENCE = (
    "hk_entity_incorporated",
    "regional_hq",
    "treasury_centre",
    "rnd_hub",
    "supply_chain_centre",
)

# Each dimension as a path from a case.
CASE_PATHS = {
    "province": "enterprise__province__code",
    "city": "enterprise_city",
    "section": "enterprise_section",
    "division": "enterprise_sector",
    "origin": "origin",
    "mechanism": "mechanism__code",
    "event": "enterprise__event_participants__event_id",
    "officer": "owner_id",
    "provider_category": "referrals__provider__category",
    "market": "enterprise__target_countries__code",
    "stage": "stage",
}


@dataclass(frozen=True)
class Period:
    start: datetime.date | None = None
    end: datetime.date | None = None  # inclusive

    def as_json(self) -> dict[str, str | None]:
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }

    def previous(self) -> Period | None:
        """The period of the same length just before this one."""
        if self.start is None or self.end is None:
            return None
        length = self.end - self.start
        end = self.start - datetime.timedelta(days=1)
        return Period(end - length, end)

    def bounds(self) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        """Aware datetimes: midnight in Hong Kong at the start, midnight after the end."""
        zone = timezone.get_default_timezone()

        def midnight(day: datetime.date) -> datetime.datetime:
            return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)

        return (
            midnight(self.start) if self.start else None,
            midnight(self.end + datetime.timedelta(days=1)) if self.end else None,
        )


@dataclass(frozen=True)
class Scope:
    """A slice of the figures: ``dimension`` equal to ``value`` (e.g. mechanism "hk-shanghai")."""

    dimension: str
    value: str


@dataclass
class Figure:
    recorded: int | float | None
    confirmed: int | float | None = None
    by: dict[str, dict[str, int | float | None]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"recorded": self.recorded, "confirmed": self.confirmed, "by": self.by}


@dataclass(frozen=True)
class Spec:
    """How a counted or summed KPI reads its rows."""

    rows: Callable[[], QuerySet[Any]]
    on: str  # the date it counts on
    case: str  # path from the row to its case
    count: str = "pk"  # counted distinct (when ``value`` is None)
    value: Callable[[list[fx.Rate]], Any] | None = None  # summed instead
    confirmed: Q | None = None
    paths: dict[str, str] = field(default_factory=dict)  # dimensions read from the row itself
    on_datetime: bool = False


def _live(prefix: str) -> Q:
    return Q(
        **{f"{prefix}deleted_at__isnull": True, f"{prefix}enterprise__deleted_at__isnull": True}
    )


def _outcomes(*kinds: str, route: str = "") -> Callable[[], QuerySet[Any]]:
    def rows() -> QuerySet[Any]:
        query = Outcome.objects.filter(_live("case__"), kind__in=kinds)
        return query.filter(route=route) if route else query

    return rows


def _case_events(**data: str) -> Callable[[], QuerySet[Any]]:
    def rows() -> QuerySet[Any]:
        lookups = {f"data__{key}": value for key, value in data.items()}
        return CaseEvent.objects.filter(_live("case__"), kind=CaseEvent.Kind.STAGE_MOVED, **lookups)

    return rows


def _referral_events(status: str) -> Callable[[], QuerySet[Any]]:
    def rows() -> QuerySet[Any]:
        return ReferralEvent.objects.filter(_live("referral__case__"), to_status=status)

    return rows


def _held() -> QuerySet[Meeting]:
    return Meeting.objects.filter(run__is_published=True).exclude(outcome="")


def _met_by(enterprise: str, day: str) -> Q:
    """The row's enterprise held a meeting at an event on or before the row's day."""
    held = _held().filter(slot__day__lte=OuterRef(day))
    return Q(Exists(held.filter(first__enterprise=OuterRef(enterprise)))) | Q(
        Exists(held.filter(second__enterprise=OuterRef(enterprise)))
    )


def _hkd(all_rates: list[fx.Rate]) -> Any:
    return fx.hkd(all_rates)


def _jobs(_rates: list[fx.Rate]) -> Any:
    return F("jobs")


OUTCOME = {"on": "achieved_on", "case": "case__", "confirmed": CONFIRMED}
REFERRAL = {
    "on": "created_at",
    "case": "referral__case__",
    "count": "referral",
    "paths": {"provider_category": "referral__provider__category"},
    "on_datetime": True,
}
MEETING_PATHS = {"event": "run__event_id", "mechanism": "run__event__mechanism__code"}

SPECS: dict[str, Spec] = {
    "enterprises.served": Spec(
        _case_events(**{"from": "lead", "to": "qualified"}),
        on="created_at",
        case="case__",
        count="case__enterprise",
        on_datetime=True,
    ),
    "cases.in_stage": Spec(
        lambda: Case.objects.filter(_live("")), on="stage_changed_at", case="", on_datetime=True
    ),
    "cases.moves": Spec(
        _case_events(),
        on="created_at",
        case="case__",
        paths={"stage": "data__to"},
        on_datetime=True,
    ),
    "landed.hk": Spec(
        _case_events(to="landed_hk"),
        on="created_at",
        case="case__",
        count="case__enterprise",
        on_datetime=True,
        confirmed=Q(case__outcomes__kind__in=PRESENCE, case__outcomes__confirmation="confirmed"),
    ),
    "outcomes.hk_entity": Spec(_outcomes("hk_entity_incorporated"), **OUTCOME),  # type: ignore[arg-type]
    **{
        f"functions.{kind}": Spec(_outcomes(kind), **OUTCOME)  # type: ignore[arg-type]
        for kind in ("regional_hq", "treasury_centre", "rnd_hub", "supply_chain_centre")
    },
    "funds.total": Spec(_outcomes("funds_raised"), value=_hkd, **OUTCOME),  # type: ignore[arg-type]
    **{
        f"funds.{route}": Spec(_outcomes("funds_raised", route=route), value=_hkd, **OUTCOME)  # type: ignore[arg-type]
        for route in ("ipo", "private", "debt")
    },
    "markets.entered": Spec(
        _outcomes("market_entered"),
        paths={"market": "country__code"},
        **OUTCOME,  # type: ignore[arg-type]
    ),
    "jobs.created": Spec(_outcomes("jobs_created"), value=_jobs, **OUTCOME),  # type: ignore[arg-type]
    "referrals.made": Spec(_referral_events("sent"), **REFERRAL),  # type: ignore[arg-type]
    "referrals.accepted": Spec(_referral_events("accepted"), **REFERRAL),  # type: ignore[arg-type]
    "referrals.completed": Spec(_referral_events("completed"), **REFERRAL),  # type: ignore[arg-type]
    "events.meeting_referrals": Spec(
        lambda: (
            Referral.objects.filter(_live("case__"), sent_at__isnull=False)
            .annotate(sent_on=TruncDate("sent_at"))
            .filter(_met_by("case__enterprise", "sent_on"))
        ),
        on="sent_at",
        case="case__",
        on_datetime=True,
        paths={"provider_category": "provider__category"},
    ),
    "events.meeting_outcomes": Spec(
        lambda: Outcome.objects.filter(_live("case__")).filter(
            _met_by("case__enterprise", "achieved_on")
        ),
        **OUTCOME,  # type: ignore[arg-type]
    ),
    "events.meeting_interactions": Spec(
        lambda: MeetingEncounter.objects.filter(
            _live("interaction__case__"), meeting__run__is_published=True
        ),
        on="meeting__slot__day",
        case="interaction__case__",
        paths={
            "event": "meeting__run__event_id",
            "mechanism": "meeting__run__event__mechanism__code",
        },
    ),
}


def _path(spec: Spec, dimension: str) -> str:
    return spec.paths.get(dimension) or spec.case + CASE_PATHS[dimension]


def _in_period(rows: QuerySet[Any], on: str, period: Period, *, on_datetime: bool) -> QuerySet[Any]:
    if on_datetime:
        start, end = period.bounds()
        if start:
            rows = rows.filter(**{f"{on}__gte": start})
        if end:
            rows = rows.filter(**{f"{on}__lt": end})
        return rows
    if period.start:
        rows = rows.filter(**{f"{on}__gte": period.start})
    if period.end:
        rows = rows.filter(**{f"{on}__lte": period.end})
    return rows


def _scope_cases(scope: Scope) -> QuerySet[Any]:
    return Case.objects.filter(**{CASE_PATHS[scope.dimension]: scope.value}).values("pk")


def _in_scope(rows: QuerySet[Any], spec: Spec, scope: Scope | None) -> QuerySet[Any]:
    if scope is None:
        return rows
    if scope.dimension in spec.paths:
        return rows.filter(**{spec.paths[scope.dimension]: scope.value}).distinct()
    if scope.dimension not in CASE_PATHS:
        return rows.none()
    return rows.filter(**{f"{spec.case}pk__in": _scope_cases(scope)})


def _key(value: Any) -> str:
    if value is None or value == "":
        return NONE
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).strftime("%Y-%m")
            if timezone.is_aware(value)
            else (value.strftime("%Y-%m"))
        )
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m")
    return str(value)


def _number(value: Any) -> int | None:
    if value is None:
        return None
    return int(Decimal(value).to_integral_value()) if isinstance(value, Decimal) else int(value)


def _sql_figure(
    spec: Spec, period: Period, by: str | None, scope: Scope | None, rates: list[fx.Rate]
) -> Figure:
    rows = _in_scope(
        _in_period(spec.rows(), spec.on, period, on_datetime=spec.on_datetime), spec, scope
    )
    if spec.value is not None:
        amount = spec.value(rates)
        recorded: Any = Sum(amount)
        confirmed: Any
        confirmed = Sum(amount, filter=spec.confirmed) if spec.confirmed is not None else None
    else:
        recorded = Count(spec.count, distinct=True)
        confirmed = (
            Count(spec.count, distinct=True, filter=spec.confirmed)
            if spec.confirmed is not None
            else None
        )
    measures = {"recorded": recorded, **({"confirmed": confirmed} if confirmed is not None else {})}
    total = rows.aggregate(**measures)
    figure = Figure(_number(total["recorded"]) or 0, _confirmed(total, confirmed))
    if by and spec.value is not None and by in MULTI_VALUED and by not in spec.paths:
        figure.by = _summed_by_row(rows, spec, by, rates)
    elif by:
        key = TruncMonth(spec.on) if by == "period" else F(_path(spec, by))
        groups = rows.annotate(key=key).values("key").annotate(**measures).order_by()
        for group in groups:
            figure.by[_key(group["key"])] = {
                "recorded": _number(group["recorded"]) or 0,
                "confirmed": _confirmed(group, confirmed),
            }
    return figure


def _summed_by_row(
    rows: QuerySet[Any], spec: Spec, by: str, rates: list[fx.Rate]
) -> dict[str, dict[str, int | float | None]]:
    """A sum cut by a multi-valued dimension: the join can repeat a row within one group (two
    referrals to providers of one category), so each row is summed once per group here."""
    if spec.value is None:
        return {}
    seen: dict[str, dict[int, tuple[Any, bool]]] = defaultdict(dict)
    confirmed = spec.confirmed if spec.confirmed is not None else Q(pk__in=[])
    flagged = rows.annotate(
        key=F(_path(spec, by)),
        summed=spec.value(rates),
        is_confirmed=ExpressionWrapper(confirmed, output_field=BooleanField()),
    )
    for key, pk, amount, is_confirmed in flagged.values_list("key", "pk", "summed", "is_confirmed"):
        seen[_key(key)][pk] = (amount, bool(is_confirmed))
    return {
        key: {
            "recorded": _number(sum((a for a, _c in values.values() if a is not None), Decimal(0))),
            "confirmed": _number(
                sum((a for a, c in values.values() if c and a is not None), Decimal(0))
            )
            if spec.confirmed is not None
            else None,
        }
        for key, values in seen.items()
    }


def _confirmed(row: dict[str, Any], measure: Any) -> int | None:
    return (_number(row["confirmed"]) or 0) if measure is not None else None


# Meetings have two participants, each perhaps an enterprise with a case: a case dimension
# counts the meeting under each side's value.
SIDES = ("first__enterprise__cases__", "second__enterprise__cases__")


def _meetings_in(period: Period, scope: Scope | None) -> QuerySet[Meeting]:
    rows = _in_period(_held(), "slot__day", period, on_datetime=False)
    if scope is None:
        return rows
    if scope.dimension in MEETING_PATHS:
        return rows.filter(**{MEETING_PATHS[scope.dimension]: scope.value})
    if scope.dimension not in CASE_PATHS:
        return rows.none()
    cases = _scope_cases(scope)
    return rows.filter(
        Q(first__enterprise__cases__in=cases) | Q(second__enterprise__cases__in=cases)
    ).distinct()


def _meetings_figure(period: Period, by: str | None, scope: Scope | None) -> Figure:
    rows = _meetings_in(period, scope)
    figure = Figure(rows.values("pk").distinct().count())
    if by == "period" or by in MEETING_PATHS:
        key = TruncMonth("slot__day") if by == "period" else F(MEETING_PATHS[str(by)])
        groups = rows.annotate(key=key).values("key").annotate(n=Count("pk", distinct=True))
        figure.by = {
            _key(row["key"]): {"recorded": row["n"], "confirmed": None} for row in groups.order_by()
        }
    elif by:
        meetings: dict[str, set[int]] = defaultdict(set)
        for side in SIDES:
            for key, pk in rows.values_list(side + CASE_PATHS[by], "pk"):
                if key is not None:
                    meetings[_key(key)].add(pk)
        # A meeting whose participants have no case has no value on either side.
        counted = set().union(*meetings.values()) if meetings else set()
        uncounted = set(rows.values_list("pk", flat=True)) - counted
        if uncounted:
            meetings[NONE] |= uncounted
        figure.by = {
            key: {"recorded": len(ids), "confirmed": None} for key, ids in meetings.items()
        }
    return figure


def _median(values: Iterable[float]) -> float | None:
    data = list(values)
    return round(statistics.median(data), 1) if data else None


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class Spell:
    """A case's time in one stage: entered, left (if it did) and where it went."""

    case_id: int
    key: str
    stage: str
    entered: datetime.datetime
    left: datetime.datetime | None
    moved_to: str | None


def _spells(period: Period, by: str | None, scope: Scope | None) -> list[Spell]:
    """Every entry into a stage within the period, with how it ended."""
    start, end = period.bounds()
    rows = CaseEvent.objects.filter(
        _live("case__"), kind__in=[CaseEvent.Kind.OPENED, CaseEvent.Kind.STAGE_MOVED]
    )
    if start:
        rows = rows.filter(created_at__gte=start)
    if scope is not None:
        rows = (
            rows.filter(case__in=_scope_cases(scope))
            if scope.dimension in CASE_PATHS
            else (rows.none())
        )
    key = "case__" + CASE_PATHS[by] if by and by != "period" else "kind"
    moves: dict[tuple[int, str], list[tuple[datetime.datetime, str, str]]] = defaultdict(list)
    seen: set[tuple[int, Any]] = set()
    for pk, case_id, kind, data, at, value in rows.values_list(
        "pk", "case_id", "kind", "data", "created_at", key
    ).order_by("case_id", "created_at", "id"):
        if (pk, value) in seen:  # the join repeats a row for equal values (two referrals)
            continue
        seen.add((pk, value))
        before = "" if kind == CaseEvent.Kind.OPENED else str(data.get("from", ""))
        after = "lead" if kind == CaseEvent.Kind.OPENED else str(data.get("to", ""))
        moves[(case_id, _key(value) if by and by != "period" else "")].append((at, before, after))
    spells = []
    for (case_id, group), history in moves.items():
        for index, (at, _before, stage) in enumerate(history):
            if (start and at < start) or (end and at >= end):
                continue
            exit_ = next((move for move in history[index + 1 :] if move[1] == stage), None)
            group_key = _key(at) if by == "period" else group
            spells.append(
                Spell(
                    case_id,
                    group_key,
                    stage,
                    at,
                    exit_[0] if exit_ else None,
                    exit_[2] if exit_ else None,
                )
            )
    return spells


def _stage_figures(spells: list[Spell], by: str | None) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    for stage, following in zip(rules.PIPELINE, rules.PIPELINE[1:], strict=False):
        mine = [spell for spell in spells if spell.stage == stage]
        # A case with several values of a multi-valued dimension has a spell per value.
        once = list({(s.case_id, s.entered): s for s in mine}.values())

        def conversion(group: list[Spell], following: str = following) -> float | None:
            return _share(sum(1 for s in group if s.moved_to == following), len(group))

        def days(group: list[Spell]) -> float | None:
            return _median(
                (s.left - s.entered).total_seconds() / 86400 for s in group if s.left is not None
            )

        groups: dict[str, list[Spell]] = defaultdict(list)
        for spell in mine:
            groups[spell.key].append(spell)
        for code, measure in ((f"conversion.{stage}", conversion), (f"median_days.{stage}", days)):
            figure = Figure(measure(once))
            if by:
                figure.by = {
                    k: {"recorded": measure(g), "confirmed": None} for k, g in groups.items()
                }
            figures[code] = figure
    return figures


def _answer_days(period: Period, by: str | None, scope: Scope | None) -> Figure:
    rows = Referral.objects.filter(
        _live("case__"), sent_at__isnull=False, answered_at__isnull=False
    )
    spec = Spec(
        lambda: rows,
        on="answered_at",
        case="case__",
        paths={"provider_category": "provider__category"},
        on_datetime=True,
    )
    rows = _in_scope(_in_period(rows, "answered_at", period, on_datetime=True), spec, scope)
    key = F(_path(spec, by)) if by and by != "period" else F("answered_at")
    groups: dict[str, dict[int, float]] = defaultdict(dict)  # once per referral and group
    every: dict[int, float] = {}
    for pk, sent, answered, value in rows.annotate(key=key).values_list(
        "pk", "sent_at", "answered_at", "key"
    ):
        days = (answered - sent).total_seconds() / 86400  # type: ignore[operator]
        every[pk] = days
        groups[_key(value)][pk] = days
    figure = Figure(_median(every.values()))
    if by:
        figure.by = {
            k: {"recorded": _median(v.values()), "confirmed": None} for k, v in groups.items()
        }
    return figure


DERIVED = frozenset(
    {
        f"{prefix}.{stage}"
        for prefix in ("conversion", "median_days")
        for stage in rules.PIPELINE[:-1]
    }
)


@dataclass
class Report:
    period: Period
    by: str | None
    scope: Scope | None
    kpis: dict[str, Figure]
    rates: list[fx.Rate]
    missing_rates: dict[str, int]
    notes: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period.as_json(),
            "by": self.by,
            "scope": {"dimension": self.scope.dimension, "value": self.scope.value}
            if self.scope
            else None,
            "kpis": {code: figure.as_json() for code, figure in self.kpis.items()},
            "rates": [rate.as_json() for rate in self.rates],
            "missing_rates": self.missing_rates,
            "notes": self.notes,
        }


def kpi_report(
    *,
    period: Period,
    by: str | None = None,
    scope: Scope | None = None,
    codes: Iterable[str] | None = None,
) -> Report:
    """The catalogue's figures (or those of ``codes``) for ``period``."""
    if by is not None and by not in DIMENSIONS:
        raise ValueError(f"unknown dimension {by!r}")
    wanted = list(codes) if codes is not None else list(catalogue())
    rates = fx.rates()
    kpis: dict[str, Figure] = {}
    if DERIVED & set(wanted):
        kpis.update(_stage_figures(_spells(period, by, scope), by))
    for code in wanted:
        if code in SPECS:
            kpis[code] = _sql_figure(SPECS[code], period, by, scope, rates)
        elif code == "events.meetings_held":
            kpis[code] = _meetings_figure(period, by, scope)
        elif code == "referrals.answer_days":
            kpis[code] = _answer_days(period, by, scope)
    kpis = {code: kpis[code] for code in wanted if code in kpis}
    return Report(
        period=period,
        by=by,
        scope=scope,
        kpis=kpis,
        rates=rates,
        missing_rates=_missing_rates(period, scope, rates),
        notes=_notes(kpis, by),
    )


def _missing_rates(period: Period, scope: Scope | None, rates: list[fx.Rate]) -> dict[str, int]:
    spec = SPECS["funds.total"]
    rows = _in_scope(_in_period(spec.rows(), spec.on, period, on_datetime=False), spec, scope)
    rows = rows.annotate(hkd=fx.hkd(rates)).filter(hkd__isnull=True)
    return {
        row["currency"]: row["n"]
        for row in rows.values("currency").annotate(n=Count("pk")).order_by("currency")
    }


def _notes(kpis: dict[str, Figure], by: str | None) -> dict[str, str]:
    """For each breakdown that does not add up to its total, why not."""
    if not by:
        return {}
    notes = {}
    kinds = catalogue()
    for code, figure in kpis.items():
        kpi: Kpi = kinds[code]
        if not kpi.is_additive:
            notes[code] = "shares and medians of the groups do not add up to the whole"
            continue
        total = sum(float(group["recorded"] or 0) for group in figure.by.values())
        if total == float(figure.recorded or 0):
            continue
        if by in MULTI_VALUED or code == "events.meetings_held":
            notes[code] = f"a row with several values of {by} is counted under each of them"
        elif kpi.unit == "enterprise":
            notes[code] = f"an enterprise counted once in the total is counted in each {by} it had"
        else:
            notes[code] = "the groups do not add up to the total"
    return notes
