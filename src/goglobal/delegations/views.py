"""Delegation pages: staff plan and run them; a member reads only its own itinerary."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.forms import VersionForm, save_or_explain
from goglobal.delegations import presenters, selectors, services
from goglobal.delegations.forms import (
    DelegationForm,
    HostForm,
    ItemForm,
    MemberForm,
    OutcomeForm,
    RequestForm,
    SubGroupForm,
    TravelForm,
    VenueForm,
)
from goglobal.delegations.models import (
    Delegation,
    Host,
    Member,
    ProgrammeItem,
    SubGroup,
    Venue,
    VisitRequest,
)
from goglobal.delegations.services import delegations as parts
from goglobal.events import ics, pdf

PARTS: dict[str, tuple[type[models.Model], Any, str]] = {
    "venue": (Venue, VenueForm, "venues"),
    "subgroup": (SubGroup, SubGroupForm, "subgroups"),
    "member": (Member, MemberForm, "members"),
    "host": (Host, HostForm, "hosts"),
    "item": (ProgrammeItem, ItemForm, "programme"),
    "request": (VisitRequest, RequestForm, "requests"),
}

PART_TITLES = {
    "venue": gettext_lazy("Edit a venue"),
    "subgroup": gettext_lazy("Edit a sub-group"),
    "member": gettext_lazy("Edit a member"),
    "host": gettext_lazy("Edit a visited enterprise or body"),
    "item": gettext_lazy("Edit a plenary or site visit"),
    "request": gettext_lazy("Edit a meeting request"),
}


def _warn_if_replanning(request: AuthenticatedRequest, delegation: Delegation) -> None:
    """After an edit: say so when the published programme no longer holds."""
    count = len(selectors.programme_replans(delegation, services.published_run(delegation)))
    if count:
        messages.warning(
            request,
            _(
                "After this change, meetings of the published programme no longer hold "
                "(%(count)d): the delegation page names them and can re-plan them."
            )
            % {"count": count},
        )


@login_required
def delegation_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = selectors.delegation_list_for(user=request.user)
    return render(request, "delegations/list.html", {"delegations": rows})


@login_required
def delegation_create(request: AuthenticatedRequest) -> HttpResponse:
    selectors.delegation_list_for(user=request.user)  # role check
    form = DelegationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in DelegationForm.Meta.fields}
        created: list[Delegation] = []
        if save_or_explain(
            form,
            lambda: created.append(services.delegation_create(actor=request.user, values=values)),
        ):
            messages.success(request, _("Delegation created."))
            return redirect(created[0])
    return render(request, "delegations/edit.html", {"form": form})


@login_required
def delegation_edit(request: AuthenticatedRequest, delegation_id: int) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    form = DelegationForm(request.POST or None, instance=delegation)
    version = VersionForm(request.POST or None, initial={"version": delegation.version})
    if request.method == "POST" and form.is_valid() and version.is_valid():
        values = {name: form.cleaned_data[name] for name in DelegationForm.Meta.fields}
        if save_or_explain(
            form,
            lambda: services.delegation_update(
                actor=request.user,
                delegation=delegation,
                seen_version=version.cleaned_data["version"],
                values=values,
            ),
        ):
            messages.success(request, _("Delegation saved."))
            _warn_if_replanning(request, delegation)
            return redirect(delegation)
    return render(
        request,
        "delegations/edit.html",
        {"form": form, "version_form": version, "delegation": delegation},
    )


def _detail_context(delegation: Delegation, **forms: Any) -> dict[str, Any]:
    run = services.published_run(delegation)
    context: dict[str, Any] = {
        "delegation": delegation,
        "venues": delegation.venues.all(),
        "subgroups": delegation.subgroups.annotate(size=models.Count("members")),
        "members": delegation.members.select_related("subgroup", "enterprise", "user"),
        "hosts": delegation.hosts.select_related("venue", "enterprise"),
        "items": delegation.programme.select_related("venue", "subgroup"),
        "requests": delegation.requests.select_related("host", "member", "subgroup"),
        "runs": delegation.runs.all()[:10],
        "published": run,
        "visits": presenters.visits_by_day(delegation, run),
        "travel_form": forms.pop("travel", None) or TravelForm(delegation=delegation),
        "clashes": selectors.programme_clashes(delegation),
        "replans": presenters.replan_lines(
            delegation, selectors.programme_replans(delegation, run)
        ),
    }
    for name, (_model, form_class, _plural) in PARTS.items():
        context[f"{name}_form"] = forms.get(name) or form_class(delegation=delegation, prefix=name)
    return context


@login_required
def delegation_detail(request: AuthenticatedRequest, delegation_id: int) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    return render(request, "delegations/detail.html", _detail_context(delegation))


@login_required
@require_POST
def part_add(request: AuthenticatedRequest, delegation_id: int, part: str) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    if part not in PARTS:
        raise Http404
    _model, form_class, _plural = PARTS[part]
    form = form_class(request.POST, delegation=delegation, prefix=part)
    if form.is_valid() and save_or_explain(
        form, lambda: parts.part_add(actor=request.user, delegation=delegation, row=form.instance)
    ):
        messages.success(request, _("Added."))
        _warn_if_replanning(request, delegation)
        return redirect(f"{delegation.get_absolute_url()}#{PARTS[part][2]}")
    context = _detail_context(delegation, **{part: form})
    return render(request, "delegations/detail.html", context, status=400)


def _part_row(delegation: Delegation, part: str, row_id: int) -> models.Model:
    if part not in PARTS:
        raise Http404
    row = PARTS[part][0]._default_manager.filter(pk=row_id, delegation=delegation).first()
    if row is None:
        raise Http404
    return row


@login_required
def part_edit(
    request: AuthenticatedRequest, delegation_id: int, part: str, row_id: int
) -> HttpResponse:
    """Edit one venue, sub-group, member, visited body, programme item or meeting request."""
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    row = _part_row(delegation, part, row_id)
    form_class = PARTS[part][1]
    fields = list(form_class._meta.fields)
    seen = request.POST.get("seen", "") if request.method == "POST" else ""
    form = form_class(request.POST or None, instance=row, delegation=delegation, prefix=part)
    if not seen:
        seen = parts.part_seen(row, fields)
    status = 200 if request.method != "POST" else 400
    if request.method == "POST" and form.is_valid():
        try:
            parts.part_update(
                actor=request.user,
                delegation=delegation,
                row=form.instance,
                fields=fields,
                seen=seen,
            )
        except StaleRecordError as error:
            form.add_error(None, error.message)
            status = 409
        except ValidationError as error:
            form.add_error(None, error)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            _warn_if_replanning(request, delegation)
            return redirect(f"{delegation.get_absolute_url()}#{PARTS[part][2]}")
    context = {
        "delegation": delegation,
        "form": form,
        "part": part,
        "row": row,
        "seen": seen,
        "title": PART_TITLES[part],
    }
    return render(request, "delegations/part_edit.html", context, status=status)


@login_required
@require_POST
def part_remove(
    request: AuthenticatedRequest, delegation_id: int, part: str, row_id: int
) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    row = _part_row(delegation, part, row_id)
    try:
        parts.part_remove(actor=request.user, delegation=delegation, row=row)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Removed."))
        _warn_if_replanning(request, delegation)
    return redirect(f"{delegation.get_absolute_url()}#{PARTS[part][2]}")


@login_required
@require_POST
def travel_save(request: AuthenticatedRequest, delegation_id: int) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    form = TravelForm(request.POST, delegation=delegation)
    if form.is_valid() and save_or_explain(
        form,
        lambda: services.travel_matrix_save(
            actor=request.user, delegation=delegation, minutes=form.minutes()
        ),
    ):
        messages.success(request, _("Travel times saved."))
        _warn_if_replanning(request, delegation)
        return redirect(f"{delegation.get_absolute_url()}#travel")
    return render(
        request, "delegations/detail.html", _detail_context(delegation, travel=form), status=400
    )


@login_required
@require_POST
def run_start(request: AuthenticatedRequest, delegation_id: int) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    try:
        run = services.delegation_run_start(
            actor=request.user, delegation=delegation, keep_published=bool(request.POST.get("keep"))
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(delegation)
    messages.success(request, _("The scheduler has started."))
    return redirect(run)


@login_required
def run_detail(request: AuthenticatedRequest, delegation_id: int, run_id: int) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    run = selectors.run_get_for(user=request.user, delegation=delegation, run_id=run_id)
    return render(
        request,
        "delegations/run.html",
        {
            "delegation": delegation,
            "run": run,
            "summary": presenters.run_summary(run),
            "visits": presenters.visits_by_day(delegation, run),
        },
    )


@login_required
@require_POST
def run_publish(request: AuthenticatedRequest, delegation_id: int, run_id: int) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    run = selectors.run_get_for(user=request.user, delegation=delegation, run_id=run_id)
    try:
        services.delegation_run_publish(actor=request.user, run=run)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Programme published: members see it in their itineraries."))
    return redirect(run)


@login_required
def visit_detail(request: AuthenticatedRequest, delegation_id: int, visit_id: int) -> HttpResponse:
    """The briefing pack and the outcome form (staff only)."""
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    visit = selectors.visit_get_for(user=request.user, delegation=delegation, visit_id=visit_id)
    form = OutcomeForm(
        request.POST or None,
        initial={
            "version": visit.version,
            "held": visit.held,
            "outcome": visit.outcome,
            "notes": visit.notes,
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid() and save_or_explain(
            form,
            lambda: services.visit_outcome_record(
                actor=request.user,
                visit=visit,
                seen_version=form.cleaned_data["version"],
                held=form.cleaned_data["held"],
                outcome=form.cleaned_data["outcome"],
                notes=form.cleaned_data["notes"],
            ),
        ):
            messages.success(request, _("Meeting saved."))
            return redirect(visit.get_absolute_url())
        status = 400
    return render(
        request,
        "delegations/visit.html",
        {
            "delegation": delegation,
            "visit": visit,
            "packs": selectors.briefing(visit),
            "form": form,
        },
        status=status,
    )


@login_required
def visit_briefing_pdf(
    request: AuthenticatedRequest, delegation_id: int, visit_id: int
) -> HttpResponse:
    delegation = selectors.delegation_get_for(user=request.user, delegation_id=delegation_id)
    visit = selectors.visit_get_for(user=request.user, delegation=delegation, visit_id=visit_id)
    html = presenters.briefing_print_html(visit, selectors.briefing(visit))
    response = HttpResponse(pdf.html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="briefing-{visit.pk:06d}.pdf"'
    return response


@login_required
def itinerary_page(
    request: AuthenticatedRequest, delegation_id: int, member_id: int
) -> HttpResponse:
    member = selectors.member_get_for(
        user=request.user, delegation_id=delegation_id, member_id=member_id
    )
    run = services.published_run(member.delegation)
    is_staff = selectors.rules.can_manage_delegations(request.user)
    # the member reads it in its itinerary language; staff in their own
    language = translation.override(member.language) if not is_staff else nullcontext()
    with language:
        return render(
            request,
            "delegations/itinerary.html",
            {
                "member": member,
                "delegation": member.delegation,
                "entries": selectors.itinerary(member, run),
                "published": run,
                "is_staff": is_staff,
            },
        )


@login_required
def itinerary_pdf(
    request: AuthenticatedRequest, delegation_id: int, member_id: int
) -> HttpResponse:
    member = selectors.member_get_for(
        user=request.user, delegation_id=delegation_id, member_id=member_id
    )
    run = services.published_run(member.delegation)
    html = presenters.itinerary_print_html(member, selectors.itinerary(member, run))
    response = HttpResponse(pdf.html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="itinerary-{member.pk:06d}.pdf"'
    return response


@login_required
def itinerary_ics(
    request: AuthenticatedRequest, delegation_id: int, member_id: int
) -> HttpResponse:
    member = selectors.member_get_for(
        user=request.user, delegation_id=delegation_id, member_id=member_id
    )
    run = services.published_run(member.delegation)
    entries = selectors.itinerary(member, run)
    with translation.override(member.language):
        body = ics.calendar(
            presenters.calendar_entries(member, entries),
            name=member.delegation.name,
            stamp=timezone.now(),
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="itinerary-{member.pk:06d}.ics"'
    return response


@login_required
def mine(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "delegations/mine.html",
        {"memberships": selectors.memberships_for(user=request.user)},
    )
