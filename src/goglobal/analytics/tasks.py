"""Background work: load the report by id and call one service."""

from __future__ import annotations

from django_tasks import task

from goglobal.analytics import reports
from goglobal.analytics.models import QuarterlyReport


@task()
def quarterly_report_task(report_id: int) -> str:
    report = QuarterlyReport.objects.filter(pk=report_id).first()
    if report is None:
        return "missing"
    return reports.quarterly_report_build(report=report).status
