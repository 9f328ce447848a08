"""The quarterly report as a PDF (WeasyPrint, as ``events/pdf.py`` renders agendas), in the
language asked for, built by a background job through the Tasks API."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.analytics import dashboard
from goglobal.analytics.figures import Period
from goglobal.analytics.models import QuarterlyReport, ReportStatus
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError

logger = logging.getLogger(__name__)
FONT_FAMILIES = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK", sans-serif'
)


@transaction.atomic
def quarterly_report_request(
    *, actor: User, year: int, quarter: int, language: str
) -> QuarterlyReport:
    busy = QuarterlyReport.objects.filter(
        year=year, quarter=quarter, language=language,
        status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING],
    )  # fmt: skip
    if busy.exists():
        raise DomainError(_("This report is already being prepared."))
    report = QuarterlyReport(year=year, quarter=quarter, language=language, created_by=actor)
    report.full_clean()
    report.save()
    audit_record(actor=actor, record=report, action="created", changes={"report": str(report)})
    from goglobal.analytics.tasks import quarterly_report_task

    transaction.on_commit(lambda: quarterly_report_task.enqueue(report_id=report.pk))
    return report


def report_html(report: QuarterlyReport) -> str:
    period = Period(report.first_day, report.last_day)
    with translation.override(report.language):
        board = dashboard.dashboard_build(period=period, by="province")
        markets = dashboard.dashboard_build(period=period, by="market").breakdown
        context: dict[str, Any] = {
            "report": report,
            "board": board,
            "markets": markets,
            "font_families": FONT_FAMILIES,
            "made": timezone.localtime(),
        }
        return render_to_string("analytics/report_pdf.html", context)


def quarterly_report_build(*, report: QuarterlyReport) -> QuarterlyReport:
    """Render the PDF; a report another worker already claimed is left alone."""
    claimed = QuarterlyReport.objects.filter(pk=report.pk, status=ReportStatus.QUEUED).update(
        status=ReportStatus.RUNNING
    )
    if not claimed:
        report.refresh_from_db()
        return report
    started = time.perf_counter()
    try:
        from weasyprint import HTML  # late: Pango loads only when a PDF is wanted

        pdf = bytes(HTML(string=report_html(report)).write_pdf() or b"")
        report.refresh_from_db()
        name = f"report-{report.year}-q{report.quarter}-{report.language}.pdf"
        report.file.save(name, ContentFile(pdf), save=False)
        QuarterlyReport.objects.filter(pk=report.pk).update(
            file=report.file.name,
            status=ReportStatus.DONE,
            seconds=round(time.perf_counter() - started, 2),
        )
    except Exception as error:
        logger.exception("quarterly report %s failed", report.pk)
        QuarterlyReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, error=str(error)[:2000]
        )
    report.refresh_from_db()
    return report
