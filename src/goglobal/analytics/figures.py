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

from goglobal.analytics import fx, rollup
from goglobal.analytics.catalogue import DIMENSIONS, MULTI_VALUED, Kpi, catalogue
from goglobal.cases import rules
from goglobal.cases.models import Case, CaseEvent, Confirmation, Outcome, Referral, ReferralEvent
from goglobal.events.models import Meeting, MeetingEncounter, Participant

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
    # KPIs of one family read the same rows, each the subset ``where`` of them: they are counted
    # together, one query for all of them and every period asked for.
    family: str = ""
    where: Q | None = None


def _live(prefix: str) -> Q:
    return Q(
        **{f"{prefix}deleted_at__isnull": True, f"{prefix}enterprise__deleted_at__isnull": True}
    )


def _outcome_rows() -> QuerySet[Any]:
    return Outcome.objects.filter(_live("case__"))


def _outcome_kinds(*kinds: str, route: str = "") -> Q:
    return Q(kind__in=kinds, route=route) if route else Q(kind__in=kinds)


def _outcomes(*kinds: str, route: str = "") -> Callable[[], QuerySet[Any]]:
    def rows() -> QuerySet[Any]:
        return _outcome_rows().filter(_outcome_kinds(*kinds, route=route))

    return rows


def _outcome_spec(*kinds: str, route: str = "", **more: Any) -> Spec:
    return Spec(
        _outcomes(*kinds, route=route),
        on="achieved_on",
        case="case__",
        confirmed=CONFIRMED,
        family="outcome",
        where=_outcome_kinds(*kinds, route=route),
        **more,
    )


def _case_events(**data: str) -> Callable[[], QuerySet[Any]]:
    def rows() -> QuerySet[Any]:
        lookups = {f"data__{key}": value for key, value in data.items()}
        return CaseEvent.objects.filter(_live("case__"), kind=CaseEvent.Kind.STAGE_MOVED, **lookups)

    return rows


def _referral_event_rows() -> QuerySet[Any]:
    return ReferralEvent.objects.filter(_live("referral__case__"))


def _referral_events(status: str) -> Callable[[], QuerySet[Any]]:
    def rows() -> QuerySet[Any]:
        return _referral_event_rows().filter(to_status=status)

    return rows


FAMILIES: dict[str, Callable[[], QuerySet[Any]]] = {
    "outcome": _outcome_rows,
    "referral_event": _referral_event_rows,
}


def _held() -> QuerySet[Meeting]:
    return Meeting.objects.filter(run__is_published=True).exclude(outcome="")


def _met_by(enterprise: str, day: str) -> Q:
    """The row's enterprise held a meeting at an event on or before the row's day."""
    held = _held().filter(slot__day__lte=OuterRef(day))
    on_a_day = Q(Exists(held.filter(first__enterprise=OuterRef(enterprise)))) | Q(
        Exists(held.filter(second__enterprise=OuterRef(enterprise)))
    )
    # First the enterprises that held any meeting (one uncorrelated list, small beside the
    # rows), so that the day is compared only for their rows.
    met = Participant.objects.filter(enterprise__isnull=False).filter(
        Exists(_held().filter(first=OuterRef("pk"))) | Exists(_held().filter(second=OuterRef("pk")))
    )
    return Q(**{f"{enterprise}__in": met.values("enterprise")}) & on_a_day


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
    "outcomes.hk_entity": _outcome_spec("hk_entity_incorporated"),
    **{
        f"functions.{kind}": _outcome_spec(kind)
        for kind in ("regional_hq", "treasury_centre", "rnd_hub", "supply_chain_centre")
    },
    "funds.total": _outcome_spec("funds_raised", value=_hkd),
    **{
        f"funds.{route}": _outcome_spec("funds_raised", route=route, value=_hkd)
        for route in ("ipo", "private", "debt")
    },
    "markets.entered": _outcome_spec("market_entered", paths={"market": "country__code"}),
    "jobs.created": _outcome_spec("jobs_created", value=_jobs),
    **{
        f"referrals.{name}": Spec(
            _referral_events(status),
            family="referral_event",
            where=Q(to_status=status),
            **REFERRAL,  # type: ignore[arg-type]
        )
        for name, status in (("made", "sent"), ("accepted", "accepted"), ("completed", "completed"))
    },
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
        distinct = _repeats(spec, by, scope)
        recorded = Count(spec.count, distinct=distinct)
        confirmed = (
            Count(spec.count, distinct=distinct, filter=spec.confirmed)
            if spec.confirmed is not None
            else None
        )
    measures = {"recorded": recorded, **({"confirmed": confirmed} if confirmed is not None else {})}
    multi_sum = by and spec.value is not None and by in MULTI_VALUED and by not in spec.paths
    groups: list[dict[str, Any]] = []
    if by and not multi_sum:
        key = TruncMonth(spec.on) if by == "period" else F(_path(spec, by))
        groups = list(rows.annotate(key=key).values("key").annotate(**measures).order_by())
    if by and not multi_sum and not _repeats(spec, by, scope):
        # Each row lies in exactly one group: the total is their sum, without a second query.
        total = {name: _added(group[name] for group in groups) for name in measures}
    else:
        total = rows.aggregate(**measures)
    figure = Figure(_number(total["recorded"]) or 0, _confirmed(total, confirmed))
    if multi_sum:
        figure.by = _summed_by_row(rows, spec, str(by), rates)
    for group in groups:
        figure.by[_key(group["key"])] = {
            "recorded": _number(group["recorded"]) or 0,
            "confirmed": _confirmed(group, confirmed),
        }
    return figure


def _added(values: Iterable[Any]) -> Any:
    """The sum of groups' raw counts or amounts (before rounding), None when every one is."""
    present = [value for value in values if value is not None]
    return sum(present[1:], present[0]) if present else None


def _repeats(spec: Spec, by: str | None, scope: Scope | None) -> bool:
    """Whether the query can hold a counted row more than once, so that it must count distinct
    values (an expensive sort on large tables): when it counts something other than the row,
    follows a multi-valued path, or its confirmed filter joins another table."""
    if spec.count != "pk" or (by in MULTI_VALUED and by not in spec.paths):
        return True
    if scope is not None and scope.dimension in spec.paths:
        return True
    return spec.confirmed is not None and any("__" in key for key in _lookups(spec.confirmed))


def _lookups(q: Q) -> list[str]:
    keys: list[str] = []
    for child in q.children:
        if isinstance(child, Q):
            keys += _lookups(child)
        else:
            keys.append(str(child[0]))  # type: ignore[index]
    return keys


def _when(spec: Spec, period: Period) -> Q:
    """``_in_period`` as a condition, for a measure that counts one period among several."""
    if spec.on_datetime:
        start, end = period.bounds()
        return Q(
            **({f"{spec.on}__gte": start} if start else {}),
            **({f"{spec.on}__lt": end} if end else {}),
        )
    return Q(
        **({f"{spec.on}__gte": period.start} if period.start else {}),
        **({f"{spec.on}__lte": period.end} if period.end else {}),
    )


def _union(periods: list[Period]) -> Period:
    starts = [p.start for p in periods]
    ends = [p.end for p in periods]
    return Period(
        None if None in starts else min(s for s in starts if s is not None),
        None if None in ends else max(e for e in ends if e is not None),
    )


def _batchable(spec: Spec, by: str | None) -> bool:
    # A sum cut by a multi-valued dimension is summed row by row (``_summed_by_row``).
    multi_sum = spec.value is not None and by in MULTI_VALUED and by not in spec.paths
    return bool(spec.family) and spec.where is not None and not multi_sum


def _batch_key(spec: Spec) -> tuple[Any, ...]:
    return (spec.family, spec.on, spec.case, spec.on_datetime, tuple(spec.paths.items()))


def _batch_measures(
    codes: list[str], periods: list[Period], by: str | None, scope: Scope | None, rates: Any
) -> dict[str, Any]:
    """Per KPI ``j`` and period ``i``: ``k{i}_{j}_r`` recorded, ``_c`` confirmed and, for sums,
    ``_n`` the rows counted (a group with rows but no amount in a rate still shows, as 0)."""
    measures: dict[str, Any] = {}
    for i, period in enumerate(periods):
        when = _when(SPECS[codes[0]], period)
        for j, code in enumerate(codes):
            spec = SPECS[code]
            rows_of: Q = spec.where & when  # type: ignore[operator]
            name = f"k{i}_{j}"
            confirmed_rows = rows_of & spec.confirmed if spec.confirmed is not None else None
            if spec.value is not None:
                amount = spec.value(rates)
                measures[f"{name}_r"] = Sum(amount, filter=rows_of)
                measures[f"{name}_n"] = Count("pk", filter=rows_of)
                if confirmed_rows is not None:
                    measures[f"{name}_c"] = Sum(amount, filter=confirmed_rows)
            else:
                distinct = _repeats(spec, by, scope)
                measures[f"{name}_r"] = Count(spec.count, distinct=distinct, filter=rows_of)
                if confirmed_rows is not None:
                    measures[f"{name}_c"] = Count(
                        spec.count, distinct=distinct, filter=confirmed_rows
                    )
    return measures


def _batch_read(row: dict[str, Any], i: int, j: int, code: str) -> dict[str, Any] | None:
    name = f"k{i}_{j}"
    if not row.get(f"{name}_n", row[f"{name}_r"]):
        return None  # no row of this KPI and period in the group
    has_confirmed = SPECS[code].confirmed is not None
    return {
        "recorded": _number(row[f"{name}_r"]) or 0,
        "confirmed": (_number(row[f"{name}_c"]) or 0) if has_confirmed else None,
    }


def _batch_figures(
    codes: list[str], periods: list[Period], by: str | None, scope: Scope | None, rates: Any
) -> list[dict[str, Figure]]:
    """The figures of ``codes`` (one family, same paths) for each period, in one query (and one
    more for a breakdown): each KPI and period is a measure filtered to its own rows, and the
    rows read are those of any of them."""
    first = SPECS[codes[0]]
    rows = _in_period(
        FAMILIES[first.family](), first.on, _union(periods), on_datetime=first.on_datetime
    )
    wanted = Q()
    for code in codes:
        wanted |= SPECS[code].where  # type: ignore[operator]
    rows = _in_scope(rows.filter(wanted), first, scope)
    measures = _batch_measures(codes, periods, by, scope, rates)
    groups: list[dict[str, Any]] = []
    if by:
        key = TruncMonth(first.on) if by == "period" else F(_path(first, by))
        groups = list(rows.annotate(key=key).values("key").annotate(**measures).order_by())
    if by and not any(_repeats(SPECS[code], by, scope) for code in codes):
        # Each row lies in exactly one group: the totals are their sums, without another query.
        total = {name: _added(group[name] for group in groups) for name in measures}
    else:
        total = rows.aggregate(**measures)
    out: list[dict[str, Figure]] = [{} for _ in periods]
    for i in range(len(periods)):
        for j, code in enumerate(codes):
            read = _batch_read(total, i, j, code) or {"recorded": 0, "confirmed": None}
            has_confirmed = SPECS[code].confirmed is not None
            out[i][code] = Figure(
                read["recorded"], (read["confirmed"] or 0) if has_confirmed else None
            )
    for group in groups:
        for i in range(len(periods)):
            for j, code in enumerate(codes):
                cell = _batch_read(group, i, j, code)
                if cell is not None:
                    out[i][code].by[_key(group["key"])] = cell
    return out


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
        # Two plain queries joined here: one join from meetings through both sides' enterprises
        # and cases to the value (an enterprise's target countries, say) once took PostgreSQL's
        # planner more than fifteen minutes on a few hundred meetings.
        held = list(rows.values_list("pk", "first__enterprise_id", "second__enterprise_id"))
        enterprises = {enterprise for _, *sides in held for enterprise in sides if enterprise}
        values: dict[int, set[str]] = defaultdict(set)
        cases = Case.objects.filter(enterprise_id__in=enterprises)
        for enterprise, value in cases.values_list("enterprise_id", CASE_PATHS[by]):
            if value is not None:
                values[enterprise].add(_key(value))
        meetings: dict[str, set[int]] = defaultdict(set)
        for pk, *sides in held:
            for enterprise in sides:
                for label in values.get(enterprise, ()):
                    meetings[label].add(pk)
        # A meeting whose participants have no case has no value on either side.
        counted = set().union(*meetings.values()) if meetings else set()
        uncounted = {pk for pk, *_ in held} - counted
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
    for pk, sent, answered, value in (
        rows.annotate(key=key).values_list("pk", "sent_at", "answered_at", "key").order_by()
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
    missing_rates: bool = True,
    use_rollup: bool = True,
) -> Report:
    """The catalogue's figures (or those of ``codes``) for ``period``."""
    return kpi_reports(
        periods=[period],
        by=by,
        scope=scope,
        codes=codes,
        missing_rates=missing_rates,
        use_rollup=use_rollup,
    )[0]


def kpi_reports(
    *,
    periods: list[Period],
    by: str | None = None,
    scope: Scope | None = None,
    codes: Iterable[str] | None = None,
    missing_rates: bool = True,
    use_rollup: bool = True,
) -> list[Report]:
    """``kpi_report`` for each of ``periods``, the KPIs of one family counted together for all
    of them (a dashboard's period and the one before cost one query per family, not two per
    KPI). ``missing_rates`` False leaves out the list of amounts without a rate.

    Figures the daily rollup holds (``rollup.holds``: counts and sums, unscoped, cut by a
    single-valued dimension or the month) are read from it once it has been built;
    ``use_rollup`` False reads every figure from the source tables."""
    if by is not None and by not in DIMENSIONS:
        raise ValueError(f"unknown dimension {by!r}")
    wanted = list(codes) if codes is not None else list(catalogue())
    rates = fx.rates()
    found: list[dict[str, Figure]] = [{} for _ in periods]
    held = [code for code in wanted if scope is None and rollup.holds(code, by)]
    if held and use_rollup and rollup.is_built():
        for kpis, figures in zip(found, _rolled_up(held, periods, by), strict=True):
            kpis.update(figures)
    batches: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for code in wanted:
        if code in found[0]:
            continue
        if code in SPECS and _batchable(SPECS[code], by):
            batches[_batch_key(SPECS[code])].append(code)
    for batch in batches.values():
        for kpis, figures in zip(
            found, _batch_figures(batch, periods, by, scope, rates), strict=True
        ):
            kpis.update(figures)
    reports = []
    for period, kpis in zip(periods, found, strict=True):
        _single_figures(kpis, wanted, period, by, scope, rates)
        ordered = {code: kpis[code] for code in wanted if code in kpis}
        reports.append(
            Report(
                period=period,
                by=by,
                scope=scope,
                kpis=ordered,
                rates=rates,
                missing_rates=_missing_rates(period, scope, rates) if missing_rates else {},
                notes=_notes(ordered, by),
            )
        )
    return reports


def _rolled_up(codes: list[str], periods: list[Period], by: str | None) -> list[dict[str, Figure]]:
    out = []
    for raw in rollup.rollup_figures(codes, periods, by):
        figures = {}
        for code, numbers in raw.items():
            has_confirmed = SPECS[code].confirmed is not None

            def cell(values: dict[str, Any], has_confirmed: bool = has_confirmed) -> Figure:
                return Figure(
                    _number(values["recorded"]) or 0,
                    (_number(values["confirmed"]) or 0) if has_confirmed else None,
                )

            figure = cell(numbers)
            figure.by = {
                key: {"recorded": part.recorded, "confirmed": part.confirmed}
                for key, values in numbers["by"].items()
                for part in [cell(values)]
            }
            figures[code] = figure
        out.append(figures)
    return out


def _single_figures(
    kpis: dict[str, Figure],
    wanted: list[str],
    period: Period,
    by: str | None,
    scope: Scope | None,
    rates: list[fx.Rate],
) -> None:
    """Adds to ``kpis`` the figures of ``wanted`` not counted with their family."""
    if DERIVED & set(wanted):
        kpis.update(_stage_figures(_spells(period, by, scope), by))
    for code in wanted:
        if code in kpis:
            continue
        if code in SPECS:
            kpis[code] = _sql_figure(SPECS[code], period, by, scope, rates)
        elif code == "events.meetings_held":
            kpis[code] = _meetings_figure(period, by, scope)
        elif code == "referrals.answer_days":
            kpis[code] = _answer_days(period, by, scope)


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
