"""What the impact dashboard shows: headline figures against the period before, the funnel, a
monthly series and a breakdown, each as a table (the charts draw the same rows)."""

from __future__ import annotations

import datetime
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from goglobal.analytics.catalogue import DIMENSIONS, catalogue
from goglobal.analytics.figures import (
    SPECS,
    Figure,
    Period,
    Report,
    Scope,
    kpi_report,
    kpi_reports,
)
from goglobal.analytics.labels import labels_for
from goglobal.cases import rules
from goglobal.cases.models import Case, CaseEvent, Outcome, Referral, ReferralEvent, Stage
from goglobal.enterprises.models import Enterprise
from goglobal.events.models import Meeting, MeetingEncounter, Participant
from goglobal.knowledge.models import RuleValue

HEADLINE = [
    "enterprises.served",
    "landed.hk",
    "outcomes.hk_entity",
    "functions.regional_hq",
    "functions.treasury_centre",
    "functions.rnd_hub",
    "functions.supply_chain_centre",
    "funds.total",
    "funds.ipo",
    "funds.private",
    "funds.debt",
    "markets.entered",
    "jobs.created",
    "referrals.made",
    "referrals.accepted",
    "referrals.completed",
    "referrals.answer_days",
    "events.meetings_held",
    "events.meeting_interactions",
    "events.meeting_referrals",
    "events.meeting_outcomes",
]
SERIES = ["enterprises.served", "landed.hk", "outcomes.hk_entity", "funds.total", "jobs.created"]
FUNNEL = ["cases.in_stage", *[f"conversion.{s}" for s in rules.PIPELINE[:-1]]]
FUNNEL += [f"median_days.{s}" for s in rules.PIPELINE[:-1]]


def recorded_word() -> str:
    return _("recorded")


def confirmed_word() -> str:
    return _("confirmed")


def quarter_to_date(today: datetime.date) -> Period:
    first = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    return Period(first, today)


@dataclass
class Table:
    """One table of the page, exportable as CSV and XLSX; ``links`` holds, for some cells, the
    address of the records behind the number."""

    slug: str
    title: str
    header: list[str]
    rows: list[list[Any]]
    links: dict[tuple[int, int], str] = field(default_factory=dict)

    def cells(self) -> list[list[tuple[Any, str | None]]]:
        return [
            [(value, self.links.get((r, c))) for c, value in enumerate(row)]
            for r, row in enumerate(self.rows)
        ]


@dataclass
class Dashboard:
    period: Period
    previous: Period | None
    by: str
    scope: Scope | None
    headline: Table
    funnel: Table
    series: Table
    breakdown: Table
    report: Report
    charts: dict[str, list[tuple[str, float, float | None]]]
    provinces: Table
    markets: Table
    # ISO code → (recorded, confirmed, name), for the map of markets entered
    market_points: dict[str, tuple[float, float | None, str]] = field(default_factory=dict)
    # When the figures were counted, and whether newer changes are being counted now (the
    # page then says so; the next reader after that gets them).
    counted_at: datetime.datetime | None = None
    is_recounting: bool = False


def records_url(code: str, period: Period, scope: Scope | None, by: str = "", key: str = "") -> str:
    query: dict[str, str] = {"kpi": code}
    if period.start:
        query["start"] = period.start.isoformat()
    if period.end:
        query["end"] = period.end.isoformat()
    if scope:
        query["scope"] = f"{scope.dimension}={scope.value}"
    if by:
        query["by"], query["key"] = by, key
    return _records_path(get_script_prefix()) + "?" + urlencode(query)


@functools.lru_cache(maxsize=8)
def _records_path(prefix: str) -> str:
    """The records page's address under ``prefix`` (a dashboard links hundreds of cells)."""
    return reverse("analytics:records")


def _value(figure: Figure | None, name: str = "recorded") -> Any:
    if figure is None:
        return None
    return getattr(figure, name)


def _headline(report: Report, before: Report | None, scope: Scope | None) -> Table:
    kinds = catalogue()
    table = Table(
        "headline",
        _("Headline figures"),
        [
            _("Figure"),
            _("Recorded"),
            _("Confirmed"),
            _("Previous period, recorded"),
            _("Previous period, confirmed"),
            _("Unit"),
        ],
        [],
    )
    for index, code in enumerate(HEADLINE):
        figure = report.kpis[code]
        old = before.kpis.get(code) if before else None
        table.rows.append(
            [
                kinds[code].name,
                figure.recorded,
                figure.confirmed,
                _value(old),
                _value(old, "confirmed"),
                kinds[code].unit_label,
            ]
        )
        if code in SPECS:
            table.links[(index, 1)] = records_url(code, report.period, scope)
    return table


def _funnel(report: Report, stages: Report) -> Table:
    in_stage = stages.kpis["cases.in_stage"].by
    table = Table(
        "funnel",
        _("Pipeline"),
        [_("Stage"), _("Cases now in the stage"), _("Moved on (%)"), _("Median days in stage")],
        [],
    )
    for stage in [*rules.PIPELINE, rules.DORMANT, rules.CLOSED]:
        conversion = report.kpis.get(f"conversion.{stage}")
        days = report.kpis.get(f"median_days.{stage}")
        table.rows.append(
            [
                Stage(stage).label,
                (in_stage.get(stage) or {}).get("recorded", 0),
                _value(conversion),
                _value(days),
            ]
        )
    return table


def _series(series: Report) -> Table:
    kinds = catalogue()
    months = sorted({key for code in SERIES for key in series.kpis[code].by})
    header = [_("Month")]
    for code in SERIES:
        header += [
            f"{kinds[code].name} · {recorded_word()}",
            f"{kinds[code].name} · {confirmed_word()}",
        ]
    rows = []
    for month in months:
        row: list[Any] = [month]
        for code in SERIES:
            group = series.kpis[code].by.get(month) or {}
            row += [group.get("recorded", 0), group.get("confirmed")]
        rows.append(row)
    return Table("series", _("Month by month"), header, rows)


def _breakdown(cut: Report, by: str, scope: Scope | None) -> Table:
    kinds = catalogue()
    codes = [code for code in HEADLINE if kinds[code].is_additive]
    keys = sorted({key for code in codes for key in cut.kpis[code].by})
    labels = labels_for(by, keys)
    header = [str(DIMENSIONS[by])]
    for code in codes:
        header += [
            f"{kinds[code].name} · {recorded_word()}",
            f"{kinds[code].name} · {confirmed_word()}",
        ]
    table = Table("breakdown", _("Breakdown"), header, [])
    ordered = sorted(
        keys,
        key=lambda k: (
            -float((cut.kpis[codes[0]].by.get(k) or {}).get("recorded") or 0),
            labels[k],
        ),
    )
    for r, key in enumerate(ordered):
        row: list[Any] = [labels[key]]
        for index, code in enumerate(codes):
            group = cut.kpis[code].by.get(key) or {}
            row += [group.get("recorded", 0), group.get("confirmed")]
            if code in SPECS and group.get("recorded"):
                table.links[(r, 1 + 2 * index)] = records_url(code, cut.period, scope, by, key)
        table.rows.append(row)
    return table


def dashboard_build(*, period: Period, by: str = "city", scope: Scope | None = None) -> Dashboard:
    previous = period.previous()
    # The period and the one before are counted together; the funnel's cases now in each stage
    # come from ``stages`` (every case, whatever the period).
    periods = [period, previous] if previous else [period]
    # The headline figures are the breakdown's totals: one report gives both.
    cut, *earlier = kpi_reports(periods=periods, by=by, scope=scope, codes=HEADLINE)
    before = earlier[0] if earlier else None
    report = cut
    rest = [code for code in FUNNEL if code != "cases.in_stage"]
    report.kpis.update(kpi_report(period=period, scope=scope, codes=rest, missing_rates=False).kpis)
    stages = kpi_report(
        period=Period(), by="stage", scope=scope, codes=["cases.in_stage"], missing_rates=False
    )
    series = kpi_report(period=period, by="period", scope=scope, codes=SERIES, missing_rates=False)
    breakdown = _breakdown(cut, by, scope)
    origins = (
        cut
        if by == "province"
        else kpi_report(
            period=period,
            by="province",
            scope=scope,
            codes=["enterprises.served"],
            missing_rates=False,
        )
    )
    served = origins.kpis["enterprises.served"].by
    names = labels_for("province", list(served))
    provinces = Table(
        "provinces",
        _("Where the enterprises served come from"),
        [str(DIMENSIONS["province"]), catalogue()["enterprises.served"].name],
        [[names[key], group["recorded"]] for key, group in sorted(
            served.items(), key=lambda item: -float(item[1]["recorded"] or 0)
        )],
    )  # fmt: skip
    markets, market_points = _markets(cut if by == "market" else None, period, scope)
    charts: dict[str, list[tuple[str, float, float | None]]] = {
        "funnel": [(str(row[0]), float(row[1] or 0), None) for row in _funnel(report, stages).rows],
        "series": [
            (
                month,
                float((series.kpis["enterprises.served"].by.get(month) or {}).get("recorded") or 0),
                None,
            )
            for month in sorted(series.kpis["enterprises.served"].by)
        ],
        "breakdown": [
            (str(row[0]), float(row[1] or 0), float(row[2]) if row[2] is not None else None)
            for row in breakdown.rows[:12]
        ],
    }
    return Dashboard(
        period=period,
        previous=previous,
        by=by,
        scope=scope,
        headline=_headline(report, before, scope),
        funnel=_funnel(report, stages),
        series=_series(series),
        breakdown=breakdown,
        report=report,
        charts=charts,
        provinces=provinces,
        markets=markets,
        market_points=market_points,
        counted_at=timezone.now(),
    )


def _markets(
    cut: Report | None, period: Period, scope: Scope | None
) -> tuple[Table, dict[str, tuple[float, float | None, str]]]:
    """Markets entered, recorded and confirmed, largest first, each linked to its records."""
    code = "markets.entered"
    if cut is None:
        cut = kpi_report(period=period, by="market", scope=scope, codes=[code], missing_rates=False)
    entered = cut.kpis[code].by
    names = labels_for("market", list(entered))
    kind = catalogue()[code]
    table = Table(
        "markets",
        _("Markets the enterprises entered"),
        [
            str(DIMENSIONS["market"]),
            f"{kind.name} · {recorded_word()}",
            f"{kind.name} · {confirmed_word()}",
        ],
        [],
    )
    ordered = sorted(
        entered.items(), key=lambda item: (-float(item[1].get("recorded") or 0), names[item[0]])
    )
    points: dict[str, tuple[float, float | None, str]] = {}
    for r, (key, group) in enumerate(ordered):
        recorded, confirmed = group.get("recorded", 0), group.get("confirmed")
        table.rows.append([names[key], recorded, confirmed])
        table.links[(r, 1)] = records_url(code, cut.period, scope, "market", key)
        points[key] = (
            float(recorded or 0),
            float(confirmed) if confirmed is not None else None,
            names[key],
        )
    return table, points


def data_fingerprint() -> str:
    """Changes whenever a row the figures read changes: the newest id or update of each table
    (each one index read, or a small table), so a cached dashboard is never stale."""
    parts = [
        Case.objects.aggregate(v=Max("updated_at"))["v"],
        CaseEvent.objects.aggregate(v=Max("id"))["v"],
        Outcome.objects.aggregate(v=Max("updated_at"), n=Max("id")).values(),
        ReferralEvent.objects.aggregate(v=Max("id"))["v"],
        Referral.objects.aggregate(v=Max("updated_at"))["v"],
        Meeting.objects.aggregate(v=Max("updated_at"))["v"],
        MeetingEncounter.objects.aggregate(v=Max("updated_at"))["v"],
        Participant.objects.aggregate(v=Max("updated_at"))["v"],
        Enterprise.objects.aggregate(v=Max("updated_at"))["v"],
        RuleValue.objects.aggregate(v=Max("id"), n=Count("id")).values(),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


# Part of the cache key: a deploy that changes what a Dashboard holds never reads an older one.
LAYOUT = 3


def _cache_key(period: Period, by: str, scope: Scope | None, language: str) -> str:
    return ":".join(
        [
            f"impact{LAYOUT}",
            language,
            str(period.start),
            str(period.end),
            by,
            f"{scope.dimension}={scope.value}" if scope else "-",
        ]
    )


def _recounts_in_background() -> bool:
    backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
    return not backend.endswith("ImmediateBackend")


def dashboard_cached(
    *, period: Period, by: str = "city", scope: Scope | None = None, newest: bool = False
) -> Dashboard:
    """``dashboard_build``, kept in the shared cache (Redis in production) under the data's
    fingerprint for ``GOGLOBAL_IMPACT_CACHE_SECONDS`` (300): readers of the same figures share one
    computation, and any write to what they read makes a new one.

    Where background work runs apart from the request (RQ in production), the first reader after
    a write is not kept waiting for the recount: it gets the last figures, marked with when they
    were counted and that newer ones are on their way, and one background job (never two for the
    same figures) counts them. ``newest`` (exports) always waits for the current figures."""
    seconds = int(getattr(settings, "GOGLOBAL_IMPACT_CACHE_SECONDS", 300))
    if seconds <= 0:
        return dashboard_build(period=period, by=by, scope=scope)
    base = _cache_key(period, by, scope, get_language() or "en")
    key = f"{base}:{data_fingerprint()}"
    board = cache.get(key)
    if board is not None:
        return board
    if not newest and _recounts_in_background():
        last = cache.get(f"{base}:last")
        if last is not None:
            if cache.add(f"{base}:recounting", 1, timeout=seconds):
                from goglobal.analytics.tasks import dashboard_recount_task

                dashboard_recount_task.enqueue(
                    get_language() or "en",
                    period.start.isoformat() if period.start else None,
                    period.end.isoformat() if period.end else None,
                    by,
                    scope.dimension if scope else None,
                    scope.value if scope else None,
                )
            last.is_recounting = True
            return last
    return dashboard_store(period=period, by=by, scope=scope, key=key, base=base)


def dashboard_store(
    *, period: Period, by: str, scope: Scope | None, key: str = "", base: str = ""
) -> Dashboard:
    """Counts the figures and keeps them under their fingerprint and as the last counted."""
    seconds = int(getattr(settings, "GOGLOBAL_IMPACT_CACHE_SECONDS", 300))
    base = base or _cache_key(period, by, scope, get_language() or "en")
    key = key or f"{base}:{data_fingerprint()}"
    board = dashboard_build(period=period, by=by, scope=scope)
    cache.set(key, board, seconds)
    # The last figures outlive their fingerprint: a reader after the next write gets them
    # (marked) while they are recounted. A day at most, so a quiet dashboard starts afresh.
    cache.set(f"{base}:last", board, max(seconds, 86400))
    cache.delete(f"{base}:recounting")
    return board
