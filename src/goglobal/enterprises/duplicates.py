"""Pages for one enterprise, one record: possible duplicates, the merge preview, undo.

Only the task force (``enterprise.edit_any``) sees these pages; an enterprise named in a URL
must be visible to the user (404 otherwise), like every other enterprise page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.errors import DomainError
from goglobal.core.pagination import CappedPaginator
from goglobal.engines.identity import compare
from goglobal.enterprises import identity, selectors
from goglobal.enterprises.merge import (
    can_merge,
    enterprise_merge,
    enterprise_merge_undo,
    merge_fields,
)
from goglobal.enterprises.models import DuplicateCandidate, DuplicateStatus, EnterpriseMerge
from goglobal.enterprises.tasks import duplicates_scan_task


def _require_merger(request: AuthenticatedRequest) -> None:
    if not can_merge(request.user):
        raise PermissionDenied


@login_required
def duplicate_list(request: AuthenticatedRequest) -> HttpResponse:
    _require_merger(request)
    status = request.GET.get("status", DuplicateStatus.OPEN)
    if status not in DuplicateStatus.values:
        status = DuplicateStatus.OPEN
    visible = selectors.enterprises_visible_to(request.user)
    rows = (
        DuplicateCandidate.objects.filter(status=status, first__in=visible, second__in=visible)
        .select_related("first__city", "second__city", "first__sector", "second__sector")
        .order_by("-score", "id")
    )
    page = CappedPaginator(rows, 50).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.reason_labels = identity.reason_labels(row.reasons)
    merges = EnterpriseMerge.objects.select_related("kept", "merged", "actor")[:10]
    return render(
        request,
        "enterprises/duplicates.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": DuplicateStatus.choices,
            "merges": merges,
        },
    )


@login_required
@require_POST
def duplicate_scan(request: AuthenticatedRequest) -> HttpResponse:
    _require_merger(request)
    transaction.on_commit(lambda: duplicates_scan_task.enqueue())
    messages.success(request, _("The search for duplicates has started; refresh in a while."))
    return redirect("enterprises:duplicates")


@login_required
@require_POST
def duplicate_dismiss(request: AuthenticatedRequest, candidate_id: int) -> HttpResponse:
    _require_merger(request)
    visible = selectors.enterprises_visible_to(request.user)
    row = get_object_or_404(
        DuplicateCandidate, pk=candidate_id, first__in=visible, second__in=visible
    )
    row.status = (
        DuplicateStatus.OPEN
        if row.status == DuplicateStatus.DISMISSED
        else DuplicateStatus.DISMISSED
    )
    row.save(update_fields=["status", "updated_at"])
    return redirect("enterprises:duplicates")


def _version(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@login_required
def merge_preview(request: AuthenticatedRequest, kept_id: int, merged_id: int) -> HttpResponse:
    """Side by side: pick, field by field, which value survives; then merge."""
    _require_merger(request)
    if kept_id == merged_id:
        raise Http404
    kept = selectors.enterprise_get_for(user=request.user, enterprise_id=kept_id)
    merged = selectors.enterprise_get_for(user=request.user, enterprise_id=merged_id)
    rows = merge_fields(kept, merged)
    errors: list[str] = []
    chosen = {row.name: row.default for row in rows}
    if request.method == "POST":
        for row in rows:
            side = request.POST.get(f"field-{row.name}", row.default)
            if side not in ("kept", "merged"):
                errors.append(
                    _("Choose one of the two values for “%(field)s”.") % {"field": row.label}
                )
            else:
                chosen[row.name] = side
        kept_version = _version(request.POST.get("kept_version"))
        merged_version = _version(request.POST.get("merged_version"))
        if kept_version is None or merged_version is None:
            errors.append(_("The form is incomplete; open the merge again."))
        if not errors:
            try:
                result = enterprise_merge(
                    actor=request.user,
                    kept=kept,
                    merged=merged,
                    kept_version=kept_version or 0,
                    merged_version=merged_version or 0,
                    choices=chosen,
                )
            except DomainError as error:
                errors.append(error.message)
            else:
                messages.success(
                    request,
                    _("“%(merged)s” was merged into this record; %(count)s linked rows moved.")
                    % {"merged": merged.name_zh, "count": sum(result.moved.values())},
                )
                if result.kept_back:
                    messages.warning(
                        request,
                        _(
                            "%(count)s rows the kept record already had (such as the same need) "
                            "stayed with the merged record."
                        )
                        % {"count": sum(result.kept_back.values())},
                    )
                return redirect("enterprises:detail", kept.pk)
    comparison = compare(
        identity.record_of(kept, with_code=False), identity.record_of(merged, with_code=False)
    )
    shown = [
        {
            "name": row.name,
            "label": row.label,
            "differs": row.differs,
            "choice": chosen[row.name],
            "kept_text": _text(kept, row.name),
            "merged_text": _text(merged, row.name),
        }
        for row in rows
    ]
    context: dict[str, Any] = {
        "kept": kept,
        "merged": merged,
        "rows": shown,
        "chosen": chosen,
        "errors": errors,
        "score": comparison.score,
        "reasons": identity.reason_labels(comparison.codes()),
        "counts": _linked_counts(merged.pk),
    }
    return render(request, "enterprises/merge.html", context, status=409 if errors else 200)


def _text(enterprise: Any, name: str) -> str:
    """A field's value as a person reads it: labels for choices, names for places."""
    display = getattr(enterprise, f"get_{name}_display", None)
    if display is not None:
        return str(display())
    value = getattr(enterprise, name)
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _linked_counts(enterprise_id: int) -> list[tuple[str, int]]:
    from goglobal.enterprises.merge import _relations

    counts = []
    for model, field in _relations():
        count = model._base_manager.filter(**{field: enterprise_id}).count()
        if count:
            counts.append((str(model._meta.verbose_name_plural), count))
    return counts


@login_required
@require_POST
def merge_undo(request: AuthenticatedRequest, merge_id: int) -> HttpResponse:
    _require_merger(request)
    merge = get_object_or_404(EnterpriseMerge, pk=merge_id)
    selectors.enterprise_get_for(user=request.user, enterprise_id=merge.kept_id)
    try:
        enterprise_merge_undo(actor=request.user, merge=merge)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("enterprises:duplicates")
    messages.success(request, _("The merge was undone: both records are back as they were."))
    return redirect("enterprises:detail", merge.merged_id)
