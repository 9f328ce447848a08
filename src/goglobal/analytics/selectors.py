"""Figures for the staff overview. Every figure is one aggregate query over live records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from goglobal.core.i18n import localized
from goglobal.enterprises.models import Enterprise, EnterpriseNeed
from goglobal.knowledge.models import AdministrativeArea, Country, NeedCode
from goglobal.providers.models import Investor, ProviderCategory, ServiceProvider

TOP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    share: float  # of the largest bar, 0–1, for drawing


@dataclass(frozen=True)
class Week:
    start: date
    count: int


def _bars(rows: list[tuple[str, int]]) -> list[Bar]:
    largest = max((count for _label, count in rows), default=0) or 1
    return [Bar(label, count, count / largest) for label, count in rows]


def _live_enterprises() -> QuerySet[Enterprise]:
    return Enterprise.objects.filter(deleted_at__isnull=True)


def totals() -> dict[str, int]:
    since = timezone.now() - timedelta(days=30)
    live = _live_enterprises()
    return {
        "enterprises": live.count(),
        "recent": live.filter(created_at__gte=since).count(),
        "providers": ServiceProvider.objects.filter(deleted_at__isnull=True).count(),
        "investors": Investor.objects.filter(deleted_at__isnull=True).count(),
    }


def registrations_by_week(weeks: int = 12) -> list[Week]:
    """Enterprises added per week (Monday to Sunday), oldest first, empty weeks included."""
    today = timezone.localdate()
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    counts = {
        row["week"].date() if hasattr(row["week"], "date") else row["week"]: row["count"]
        for row in _live_enterprises()
        .filter(created_at__date__gte=first)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(count=Count("id"))
    }
    return [
        Week(first + timedelta(weeks=i), counts.get(first + timedelta(weeks=i), 0))
        for i in range(weeks)
    ]


def needs_ranked() -> list[Bar]:
    rows = (
        EnterpriseNeed.objects.filter(enterprise__deleted_at__isnull=True)
        .values("need_id")
        .annotate(count=Count("id"))
        .order_by("-count", "need_id")[:TOP]
    )
    needs = NeedCode.objects.in_bulk([row["need_id"] for row in rows])
    return _bars([(localized(needs[row["need_id"]], "name"), row["count"]) for row in rows])


def cities_ranked() -> list[Bar]:
    rows = (
        _live_enterprises()
        .values("city_id")
        .annotate(count=Count("id"))
        .order_by("-count", "city_id")[:TOP]
    )
    cities = AdministrativeArea.objects.in_bulk([row["city_id"] for row in rows])
    return _bars([(localized(cities[row["city_id"]], "name"), row["count"]) for row in rows])


def markets_ranked() -> list[Bar]:
    through = Enterprise.target_countries.through
    rows = (
        through.objects.filter(enterprise__deleted_at__isnull=True)
        .values("country_id")
        .annotate(count=Count("id"))
        .order_by("-count", "country_id")[:TOP]
    )
    countries = Country.objects.in_bulk([row["country_id"] for row in rows])
    return _bars([(localized(countries[row["country_id"]], "name"), row["count"]) for row in rows])


def providers_by_category() -> list[Bar]:
    labels = dict(ProviderCategory.choices)
    rows = (
        ServiceProvider.objects.filter(deleted_at__isnull=True)
        .values("category")
        .annotate(count=Count("id"))
        .order_by("-count", "category")
    )
    return _bars(
        [(str(labels.get(row["category"], row["category"])), row["count"]) for row in rows]
    )


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int
    share: float  # of the fullest stage, 0–1, for drawing


@dataclass(frozen=True)
class Pipeline:
    """What the task force has on its hands: open cases by stage and the work that is late."""

    stages: list[StageCount]
    open_cases: int
    tasks_overdue: int  # cases with an open follow-up task past its date
    waiting: int  # cases with a referral sent and not answered yet
    outcomes_quarter: int  # milestones achieved since the quarter began
    quarter_start: date


def quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def pipeline() -> Pipeline:
    """Counts over the case rows' own copies of their open work (one query each)."""
    from goglobal.cases.models import Case, Outcome, Stage
    from goglobal.cases.rules import PIPELINE

    today = timezone.localdate()
    live = Case.objects.filter(deleted_at__isnull=True)
    counts = dict(live.values_list("stage").annotate(n=Count("id")).values_list("stage", "n"))
    fullest = max((counts.get(stage, 0) for stage in PIPELINE), default=0) or 1
    labels = dict(Stage.choices)
    since = quarter_start(today)
    late = live.aggregate(
        tasks=Count("id", filter=Q(task_due_on__lt=today)),
        waiting=Count("id", filter=Q(waiting_since__isnull=False)),
    )
    return Pipeline(
        stages=[
            StageCount(
                stage, str(labels[stage]), counts.get(stage, 0), counts.get(stage, 0) / fullest
            )
            for stage in PIPELINE
        ],
        open_cases=sum(counts.get(stage, 0) for stage in PIPELINE),
        tasks_overdue=late["tasks"],
        waiting=late["waiting"],
        outcomes_quarter=Outcome.objects.filter(
            case__deleted_at__isnull=True, achieved_on__gte=since, achieved_on__lte=today
        ).count(),
        quarter_start=since,
    )
