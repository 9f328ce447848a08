"""Background work: load the report by id and call one service."""

from __future__ import annotations

import datetime

from django.utils import translation
from django_tasks import task

from goglobal.analytics import dashboard, reports
from goglobal.analytics.figures import Period, Scope
from goglobal.analytics.models import QuarterlyReport


@task()
def quarterly_report_task(report_id: int) -> str:
    report = QuarterlyReport.objects.filter(pk=report_id).first()
    if report is None:
        return "missing"
    return reports.quarterly_report_build(report=report).status


@task()
def dashboard_recount_task(
    language: str,
    start: str | None,
    end: str | None,
    by: str,
    scope_dimension: str | None,
    scope_value: str | None,
) -> str:
    """Counts a dashboard's figures afresh and keeps them for its next readers."""
    period = Period(
        datetime.date.fromisoformat(start) if start else None,
        datetime.date.fromisoformat(end) if end else None,
    )
    scope = Scope(scope_dimension, scope_value) if scope_dimension and scope_value else None
    with translation.override(language):
        dashboard.dashboard_store(period=period, by=by, scope=scope)
    return "counted"


@task()
def kpis_rollup_rebuild_task() -> str:
    """Counts the impact figures' daily rollup afresh from the source tables."""
    from goglobal.analytics.rollup import rollup_rebuild

    build = rollup_rebuild()
    return f"{build.cases} cases"
