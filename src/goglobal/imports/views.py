"""Pages for imports and exports; only people who may import or export see them."""

from __future__ import annotations

import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from goglobal.accounts.rules import can
from goglobal.core.errors import DomainError
from goglobal.imports import drafts, selectors, services
from goglobal.imports.forms import ImportUploadForm
from goglobal.imports.kinds import KINDS
from goglobal.imports.models import FileFormat, ImportKind
from goglobal.imports.tables import csv_lines, xlsx_write

ERRORS_PER_PAGE = 200


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.user, capability):
        raise PermissionDenied


@login_required
def import_list(request: HttpRequest) -> HttpResponse:
    _require(request, "data.import")
    jobs = selectors.import_job_list_for(user=request.user)
    page_obj = Paginator(jobs, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "kinds": ImportKind.choices,
        "can_export": can(request.user, "data.export"),
        "drafts": drafts.draft_in_progress_for(request.user),
    }
    return render(request, "imports/import_list.html", context)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    _require(request, "data.import")
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.import_job_create(
                actor=request.user,  # type: ignore[arg-type]
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
                link_duplicates=form.cleaned_data.get("link_duplicates", False),
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect(job)
    return render(request, "imports/import_upload.html", {"form": form})


@login_required
def import_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    _require(request, "data.import")
    job = selectors.import_job_get_for(user=request.user, job_id=job_id)
    page_obj = Paginator(job.errors, ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "imports/import_detail.html", {"job": job, "page_obj": page_obj})


@login_required
def import_export(request: HttpRequest, kind: str, file_format: str) -> HttpResponseBase:
    _require(request, "data.export")
    if kind not in KINDS or file_format not in FileFormat.values:
        raise Http404
    header, rows = selectors.export_rows(kind=kind)
    name = f"{kind}-{timezone.localdate():%Y%m%d}.{file_format}"
    if file_format == FileFormat.CSV:
        response = StreamingHttpResponse(
            csv_lines(header, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    xlsx_write(handle, header, rows)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=name)
