"""The impact dashboard (officers, analysts, administrators): the KPI catalogue's figures for a
period, for everything or for one mechanism, event or officer, with the records behind each
number and every table as CSV or XLSX."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import Role, User
from goglobal.analytics import charts, dashboard, exports, records, reports
from goglobal.analytics.catalogue import DIMENSIONS, catalogue
from goglobal.analytics.figures import Period, Scope
from goglobal.analytics.forms import PeriodForm, ReportForm
from goglobal.analytics.labels import labels_for
from goglobal.analytics.models import QuarterlyReport, ReportStatus
from goglobal.cases.selectors import case_can_view
from goglobal.core.errors import DomainError
from goglobal.events.models import Event
from goglobal.knowledge import geography
from goglobal.knowledge.models import Mechanism

TABLES = ("headline", "funnel", "series", "breakdown", "provinces", "markets")


def _check(user: User) -> None:
    if not case_can_view(user):
        raise PermissionDenied


def _scope(kind: str | None, value: str | None) -> tuple[Scope | None, Any]:
    """The slice a page is about, and the object (404 when there is none)."""
    if kind is None:
        return None, None
    if kind == "mechanism":
        mechanism = get_object_or_404(Mechanism, code=value)
        return Scope("mechanism", mechanism.code), mechanism
    if kind == "event" and value and value.isdigit():
        event = get_object_or_404(Event, pk=int(value))
        return Scope("event", str(event.pk)), event
    if kind == "officer" and value and value.isdigit():
        officer = get_object_or_404(User, pk=int(value), role__in=[Role.OFFICER, Role.ADMIN])
        return Scope("officer", str(officer.pk)), officer
    raise Http404


def _period(form: PeriodForm) -> tuple[Period, str]:
    default = dashboard.quarter_to_date(timezone.localdate())
    if not form.is_valid():
        return default, "city"
    start: datetime.date = form.cleaned_data.get("start") or default.start or timezone.localdate()
    end: datetime.date = form.cleaned_data.get("end") or timezone.localdate()
    return Period(start, max(end, start)), form.cleaned_data.get("by") or "city"


def _province_map(board: dashboard.Dashboard) -> Any:
    served = board.provinces
    values = {}
    codes = {label: code for code, label in labels_for("province", charts.PROVINCE_TILES).items()}
    for label, count in served.rows:
        if label in codes:
            values[codes[label]] = float(count or 0)
    return charts.province_map(values, {code: label for label, code in codes.items()})


def _market_map(board: dashboard.Dashboard) -> Any:
    points = board.market_points
    return charts.world_map(
        {code: (recorded, confirmed) for code, (recorded, confirmed, _name) in points.items()},
        {code: name for code, (_recorded, _confirmed, name) in points.items()},
    )


@login_required
def impact(
    request: AuthenticatedRequest, kind: str | None = None, value: str | None = None
) -> HttpResponse:
    _check(request.user)
    scope, subject = _scope(kind, value)
    form = PeriodForm(request.GET or None)
    period, by = _period(form)
    board = dashboard.dashboard_cached(period=period, by=by, scope=scope)
    context = {
        "form": form,
        "board": board,
        "subject": subject,
        "kind": kind,
        "value": value,
        "query": request.GET.urlencode(),
        "funnel_chart": charts.bar_chart(board.charts["funnel"]),
        "series_chart": charts.column_chart(board.charts["series"]),
        "breakdown_chart": charts.bar_chart(board.charts["breakdown"]),
        "province_map": _province_map(board),
        "market_map": _market_map(board),
        "map_version": geography.package_version(),
        "map_date": geography.DATA_DATE,
        "by_label": DIMENSIONS[by],
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "analytics/impact.html", context, status=status)


@login_required
def impact_export(
    request: AuthenticatedRequest,
    table: str,
    file_format: str,
    kind: str | None = None,
    value: str | None = None,
) -> HttpResponse | StreamingHttpResponse:
    _check(request.user)
    if table not in TABLES or file_format not in {"csv", "xlsx"}:
        raise Http404
    scope, _subject = _scope(kind, value)
    form = PeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    period, by = _period(form)
    board = dashboard.dashboard_cached(period=period, by=by, scope=scope, newest=True)
    chosen: dashboard.Table = getattr(board, table)
    name = f"{table}-{period.start}-{period.end}"
    return exports.table_response(name, chosen.header, chosen.rows, file_format)


@login_required
def impact_records(request: AuthenticatedRequest) -> HttpResponse:
    """The rows behind one number, each linked to its case; only cases the reader may see."""
    _check(request.user)
    form = records.RecordsForm(request.GET)
    if not form.is_valid():
        return render(request, "analytics/records.html", {"form": form}, status=400)
    data = form.cleaned_data
    rows = records.records_for(user=request.user, **data)
    context = {
        "form": form,
        "rows": rows[: records.LIMIT],
        "total": len(rows),
        "kpi": catalogue()[data["kpi"]],
        "limit": records.LIMIT,
    }
    return render(request, "analytics/records.html", context)


@login_required
def report_list(request: AuthenticatedRequest) -> HttpResponse:
    """Quarterly reports: ask for one (a background job renders it), download the ready ones."""
    _check(request.user)
    today = timezone.localdate()
    form = ReportForm(
        request.POST or None,
        initial={"year": today.year, "quarter": (today.month - 1) // 3 + 1,
                 "language": request.LANGUAGE_CODE},
    )  # fmt: skip
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                reports.quarterly_report_request(actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The report is being prepared."))
                return redirect("analytics:reports")
        status = 400
    context = {"form": form, "reports": QuarterlyReport.objects.all()[:40]}
    return render(request, "analytics/reports.html", context, status=status)


@login_required
def report_download(request: AuthenticatedRequest, report_id: int) -> FileResponse:
    _check(request.user)
    report = get_object_or_404(QuarterlyReport, pk=report_id, status=ReportStatus.DONE)
    name = f"goglobal-{report.year}-q{report.quarter}-{report.language}.pdf"
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=name)
