"""The import wizard's pages: upload, columns, values, preview with fixes, import. Each page
reads and writes the draft through ``imports.drafts`` and ``imports.previews``; a draft is its
creator's alone (anybody else gets a 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from goglobal.accounts.rules import can
from goglobal.core.errors import DomainError
from goglobal.imports import drafts, previews
from goglobal.imports.forms import ColumnsForm, ValuesForm, WizardUploadForm, row_changes
from goglobal.imports.models import ImportDraft, SavedMapping


def _require(request: HttpRequest) -> None:
    if not can(request.user, "data.import"):
        raise PermissionDenied


def _draft(request: HttpRequest, draft_id: int) -> ImportDraft:
    _require(request)
    return drafts.import_draft_get_for(user=request.user, draft_id=draft_id)


def _add_errors(form: object, error: ValidationError) -> None:
    for name, problems in error.message_dict.items():
        field = name if name in form.fields else None  # type: ignore[attr-defined]
        for problem in problems:
            form.add_error(field, problem)  # type: ignore[attr-defined]


def _context(draft: ImportDraft, step: str, **extra: object) -> dict[str, object]:
    return {"draft": draft, "step": step, **extra}


@login_required
def wizard_start(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = WizardUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = drafts.import_draft_create(
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect("imports:wizard_columns", draft.pk)
    return render(request, "imports/wizard_start.html", {"form": form, "step": "upload"})


@login_required
def wizard_columns(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft(request, draft_id)
    if request.method == "POST" and "mapping" in request.POST:
        chosen = request.POST["mapping"]
        mapping = get_object_or_404(
            SavedMapping, pk=int(chosen) if chosen.isdigit() else 0, kind=draft.kind
        )
        drafts.draft_mapping_use(draft, mapping)
        messages.success(request, _("The saved mapping “%(name)s” is applied.") % {"name": mapping})
        return redirect("imports:wizard_columns", draft.pk)
    initial = {f"column-{position}": column for position, column in draft.columns.items()}
    form = ColumnsForm(
        request.POST or None,
        initial=initial,
        header=draft.header,
        choices=drafts.column_choices(draft.kind),
        samples=drafts.draft_samples(draft),
    )
    if request.method == "POST" and form.is_valid():
        try:
            drafts.draft_columns_set(draft, form.columns())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("imports:wizard_values", draft.pk)
    saved = drafts.saved_mappings_matching(draft)
    return render(
        request,
        "imports/wizard_columns.html",
        _context(draft, "columns", form=form, saved=saved),
    )


@login_required
def wizard_values(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft(request, draft_id)
    columns = drafts.draft_value_columns(draft)
    form = ValuesForm(request.POST or None, columns=columns)
    if request.method == "POST" and form.is_valid():
        try:
            drafts.draft_values_set(draft, form.values())
            name = form.cleaned_data.get("mapping_name", "").strip()
            if name:
                drafts.draft_mapping_save(draft, actor=request.user, name=name)
                messages.success(request, _("The mapping is saved as “%(name)s”.") % {"name": name})
        except ValidationError as error:
            if "name" in error.message_dict:
                error = ValidationError({"mapping_name": error.message_dict.pop("name")})
            _add_errors(form, error)
        else:
            return redirect("imports:wizard_preview", draft.pk)
    return render(request, "imports/wizard_values.html", _context(draft, "values", form=form))


@login_required
def wizard_preview(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft(request, draft_id)
    page = request.POST.get("page") or request.GET.get("page") or "1"
    problems_only = (request.POST.get("only") or request.GET.get("only")) == "problems"
    errors: dict[str, list[str]] = {}
    problem = ""
    if request.method == "POST":
        try:
            drafts.draft_rows_change(draft, row_changes(request.POST))
        except ValidationError as error:
            errors = error.message_dict
        else:
            if request.POST.get("action") == "import":
                try:
                    job = drafts.draft_import(draft, actor=request.user)
                except DomainError as error:
                    problem = error.message
                else:
                    return redirect(job)
            else:
                target = request.POST.get("goto") or page
                query = f"?page={target}" + ("&only=problems" if problems_only else "")
                return redirect(f"{request.path}{query}")
    preview = previews.draft_preview(
        draft, page=int(page) if page.isdigit() else 1, problems_only=problems_only
    )
    return render(
        request,
        "imports/wizard_preview.html",
        _context(draft, "preview", preview=preview, errors=errors, problem=problem),
    )
