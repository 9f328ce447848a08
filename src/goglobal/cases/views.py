"""Case pages: the officers' pipeline and case page, the provider and enterprise portals."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.cases import history, rules, selectors, services
from goglobal.cases.disclosure import disclosure_findings, disclosure_subject
from goglobal.cases.forms import (
    BulkAssignForm,
    CaseMoveForm,
    CaseOpenForm,
    CaseUpdateForm,
    InteractionForm,
    OutcomeCorrectForm,
    OutcomeForm,
    ReferralAnswerForm,
    ReferralForm,
    SavedFilterForm,
    SuggestionReferForm,
)
from goglobal.cases.models import Case, Origin, Outcome, Referral, SavedFilter
from goglobal.cases.services import roadmap_tasks
from goglobal.cases.services.referrals import reply_days
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.core.i18n import localized
from goglobal.core.labels import join_list
from goglobal.core.pagination import CappedPaginator
from goglobal.enterprises.selectors import enterprise_get_for, enterprise_of_member
from goglobal.matching import selectors as matching_selectors
from goglobal.matching import services as matching_services
from goglobal.matching.models import MatchSuggestion
from goglobal.matching.reasons import ReasonText
from goglobal.roadmaps import selectors as roadmap_selectors

FILTER_KEYS = (
    "city",
    "sector",
    "need",
    "market",
    "owner",
    "stage",
    "overdue",
    "sort",
    "task_overdue",
    "waiting",
)


def _filters(request: AuthenticatedRequest) -> selectors.CaseFilters:
    get = request.GET
    return selectors.CaseFilters(
        city=get.get("city", ""),
        sector=get.get("sector", ""),
        need=get.get("need", ""),
        market=get.get("market", ""),
        owner=get.get("owner", ""),
        stage=get.get("stage", ""),
        overdue=get.get("overdue") == "1",
        sort=get.get("sort", ""),
        task_overdue=get.get("task_overdue") == "1",
        waiting=get.get("waiting") == "1",
    )


def _pipeline_context(request: AuthenticatedRequest) -> dict[str, Any]:
    if not selectors.case_can_view(request.user):
        raise Http404
    query = urlencode([(k, v) for k, v in request.GET.items() if k in FILTER_KEYS and v])
    return {
        "filters": _filters(request),
        "query": query,
        "saved_filters": selectors.saved_filters_for(user=request.user),
        "save_form": SavedFilterForm(initial={"query": query}),
        "can_edit": selectors.case_can_edit(request.user),
        "sorts": selectors.SORTS,
        **selectors.case_filter_choices(),
    }


@login_required
def case_board(request: AuthenticatedRequest) -> HttpResponse:
    context = _pipeline_context(request)
    context["columns"] = selectors.case_board_for(user=request.user, filters=context["filters"])
    return render(request, "cases/board.html", context)


@login_required
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    context = _pipeline_context(request)
    ids = selectors.case_list_for(user=request.user, filters=context["filters"]).values_list(
        "pk", flat=True
    )
    page = CappedPaginator(ids, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.cases_in_order(list(page.object_list))
    context["page_obj"] = page
    return render(request, "cases/list.html", context)


@login_required
@require_POST
def case_bulk_assign(request: AuthenticatedRequest) -> HttpResponse:
    if not selectors.case_can_edit(request.user):
        raise Http404
    form = BulkAssignForm(request.POST, cases=selectors.cases_visible_to(request.user))
    if form.is_valid():
        try:
            count = services.case_assign(
                cases=form.cleaned_data["cases"],
                owner=form.cleaned_data["owner"],
                actor=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(count)d cases reassigned.") % {"count": count})
    else:
        messages.error(request, _("Choose at least one case and the new owner."))
    return redirect(_back(request, "cases:list"))


def _back(request: AuthenticatedRequest, default: str) -> str:
    target = request.POST.get("next", "")
    return target if target.startswith("/cases/") else default


@login_required
@require_POST
def saved_filter_save(request: AuthenticatedRequest) -> HttpResponse:
    if not selectors.case_can_view(request.user):
        raise Http404
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        services.saved_filter_save(
            actor=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
        )
        messages.success(request, _("Filter saved."))
    return redirect(_back(request, "cases:board"))


@login_required
@require_POST
def saved_filter_delete(request: AuthenticatedRequest, filter_id: int) -> HttpResponse:
    saved = get_object_or_404(SavedFilter, pk=filter_id, user=request.user)
    services.saved_filter_delete(actor=request.user, saved=saved)
    messages.success(request, _("Filter removed."))
    return redirect("cases:board")


@login_required
def case_open(request: AuthenticatedRequest, enterprise_id: int) -> HttpResponse:
    if not selectors.case_can_edit(request.user):
        raise Http404
    enterprise = enterprise_get_for(user=request.user, enterprise_id=enterprise_id)
    existing = Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True).first()
    if existing:
        return redirect(existing)
    form = CaseOpenForm(request.POST or None, initial={"owner": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(
                actor=request.user, enterprise=enterprise, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Case opened."))
            return redirect(case)
    return render(request, "cases/open.html", {"form": form, "enterprise": enterprise})


@transaction.atomic
def _refer_from_suggestion(
    *, suggestion: MatchSuggestion, actor: Any, note: str = "", send: bool = True
) -> tuple[Case, Referral]:
    """Open the enterprise's case if it has none, make the referral (sent at once unless the
    officer keeps it as a draft), and record which stored suggestion (and engine version) it
    came from. Composes existing services; it lives here until it can move to
    ``cases/services/referrals.py``."""
    enterprise = suggestion.enterprise
    case = Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True).first()
    if case is None:
        case = services.case_open(
            actor=actor, enterprise=enterprise, origin=Origin.OUTREACH, owner=actor
        )
    referral = services.referral_propose(
        case=case, need=suggestion.need, provider=suggestion.provider, actor=actor, note=note
    )
    audit_record(
        actor=actor,
        record=referral,
        action="created",
        changes={
            "from_suggestion": suggestion.pk,
            "batch": str(suggestion.batch),
            "rank": suggestion.rank,
            "score": suggestion.score,
            "engine_version": suggestion.engine_version,
        },
    )
    if send:
        referral = services.referral_send(
            referral=referral, actor=actor, seen_version=referral.version
        )
    return case, referral


@login_required
@require_POST
def refer_suggestion(request: AuthenticatedRequest, suggestion_id: int) -> HttpResponse:
    """ "Refer" on the case or matching page: a stored provider suggestion becomes a referral
    sent to the provider in this one step, or a draft when the officer chooses "Save as draft"."""
    if not selectors.case_can_edit(request.user):
        raise Http404
    suggestion = matching_selectors.suggestion_get_for(
        user=request.user, suggestion_id=suggestion_id
    )
    enterprise_get_for(user=request.user, enterprise_id=suggestion.enterprise_id)
    form = SuggestionReferForm(request.POST)
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else str(error))
        existing = Case.objects.filter(
            enterprise_id=suggestion.enterprise_id, deleted_at__isnull=True
        ).first()
        if existing is not None:
            return redirect(f"{existing.get_absolute_url()}#suggestions")
        return redirect("matching:enterprise", enterprise_id=suggestion.enterprise_id)
    draft = form.cleaned_data["draft"]
    checked = draft or request.POST.get("disclosure_checked")
    held = (
        None if checked else _hold_identifying_note(request, suggestion, form.cleaned_data["note"])
    )
    if held is not None:
        return held
    try:
        case, _referral = _refer_from_suggestion(
            suggestion=suggestion,
            actor=request.user,
            note=form.cleaned_data["note"],
            send=not draft,
        )
    except DomainError as error:
        messages.error(request, error.message)
        existing = Case.objects.filter(
            enterprise_id=suggestion.enterprise_id, deleted_at__isnull=True
        ).first()
        if existing is not None:
            return redirect(existing)
        return redirect("matching:enterprise", enterprise_id=suggestion.enterprise_id)
    name = localized(suggestion.provider, "name") or str(suggestion.provider)
    if draft:
        text = _("Referral to %(provider)s saved as a draft; send it from the referrals below.")
    else:
        text = _("Referral sent to %(provider)s.")
    messages.success(request, text % {"provider": name})
    return redirect(f"{case.get_absolute_url()}#referrals")


@login_required
@require_POST
def case_suggest(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    """Ask the matcher for providers for every need of the case that has no suggestion yet
    (or, with ``refresh``, for every need), and come back to the case page."""
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    refresh = bool(request.POST.get("refresh"))
    done = set(
        MatchSuggestion.objects.filter(enterprise_id=case.enterprise_id).values_list(
            "need_id", flat=True
        )
    )
    found = 0
    for row in case.enterprise.needs.select_related("need"):
        if refresh or row.need_id not in done:
            found += len(
                matching_services.match_suggest(
                    enterprise=case.enterprise, need=row.need, actor=request.user
                )
            )
    if found:
        messages.success(request, _("Suggestions updated."))
    else:
        messages.info(request, _("No provider in the directory serves these needs yet."))
    return redirect(f"{case.get_absolute_url()}#suggestions")


def _suggestions_by_need(request: AuthenticatedRequest, case: Case, page: Any) -> list[Any]:
    """Each need of the case with the matcher's latest suggestions, their reasons in words,
    and whether the provider already has a referral for that need on this case."""
    writer = ReasonText()
    stored = list(
        matching_selectors.latest_suggestions_for(user=request.user, enterprise=case.enterprise)
    )
    referred = {(r.need_id, r.provider_id): r for r in page.referrals}
    by_need: dict[Any, list[Any]] = {}
    for suggestion in stored:
        suggestion.reason_texts = [  # type: ignore[attr-defined]
            writer.describe(code, params) for code, params in suggestion.reasons
        ]
        suggestion.referral = referred.get((suggestion.need_id, suggestion.provider_id))  # type: ignore[attr-defined]
        by_need.setdefault(suggestion.need_id, []).append(suggestion)
    return [(row, by_need.get(row.need_id, [])) for row in page.needs]


def _detail_context(request: AuthenticatedRequest, case_id: int, **forms: Any) -> dict[str, Any]:
    page = selectors.case_page_for(user=request.user, case_id=case_id)
    case = page.case
    can_edit = selectors.case_can_edit(request.user)
    context: dict[str, Any] = {
        "page": page,
        "case": case,
        "can_edit": can_edit,
        "next_stages": [(s, s.label) for s in _stage_choices(rules.next_stages(case.stage))],
        "history": history.case_history_for(case=case, referrals=page.referrals),
    }
    if can_edit:
        subject = disclosure_subject(case.enterprise)
        context["description_findings"] = disclosure_findings(
            case.enterprise, case.enterprise.description, subject
        )
        for referral in page.referrals:  # a draft's note, before the officer sends it
            if referral.status == "proposed" and referral.note:
                referral.note_findings = disclosure_findings(  # type: ignore[attr-defined]
                    case.enterprise, referral.note, subject
                )
    roadmap = roadmap_selectors.roadmap_latest(case.enterprise)
    context["roadmap"] = roadmap
    context["roadmap_progress"] = roadmap_tasks.roadmap_progress(case=case, roadmap=roadmap)
    if can_edit:
        provider_query = request.GET.get("provider_q", "")[:100]
        offered = selectors.providers_offered_for(
            user=request.user, case=case, query=provider_query
        )
        suggested = _suggestions_by_need(request, case, page)
        context.update(
            suggested=suggested,
            missing_suggestions=any(not rows for _row, rows in suggested),
            provider_query=provider_query,
            update_form=CaseUpdateForm(instance=case, initial={"version": case.version}),
            outcome_form=OutcomeForm(),
            interaction_form=InteractionForm(case=case, providers=offered),
            referral_form=ReferralForm(case=case, providers=offered),
        )
    context.update(forms)
    return context


def _offered(request: AuthenticatedRequest, case: Any) -> list[Any]:
    return selectors.providers_offered_for(user=request.user, case=case)


def _stage_choices(values: list[str]) -> list[Any]:
    from goglobal.cases.models import Stage

    return [Stage(value) for value in values]


@login_required
def case_detail(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    return render(request, "cases/detail.html", _detail_context(request, case_id))


@login_required
@require_POST
def roadmap_tasks_make(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    """Turn the enterprise's latest roadmap steps into tasks on this case, in one action."""
    if not selectors.case_can_edit(request.user):
        raise Http404
    case = selectors.case_page_for(user=request.user, case_id=case_id).case
    roadmap = roadmap_selectors.roadmap_latest(case.enterprise)
    if roadmap is None:
        messages.error(request, _("Generate the roadmap first."))
        return redirect("cases:detail", case_id=case.pk)
    created = roadmap_tasks.roadmap_steps_to_tasks(case=case, roadmap=roadmap, actor=request.user)
    if created:
        messages.success(
            request,
            ngettext(
                "%(count)s task made from the roadmap.",
                "%(count)s tasks made from the roadmap.",
                len(created),
            )
            % {"count": len(created)},
        )
    else:
        messages.info(request, _("Every step of the roadmap already has a task."))
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def case_update(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    form = CaseUpdateForm(request.POST, instance=case)
    if form.is_valid():
        data = form.cleaned_data
        changes = services.CaseChanges(values={k: data[k] for k in CaseUpdateForm.Meta.fields})
        try:
            services.case_update(
                case=Case.objects.get(pk=case.pk),
                actor=request.user,
                seen_version=data["version"],
                changes=changes,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Case saved."))
            return redirect(case)
    context = _detail_context(request, case_id, update_form=form)
    return render(request, "cases/detail.html", context, status=409 if form.errors else 200)


@login_required
@require_POST
def case_move(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    form = CaseMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the stage to move to."))
        return redirect(case)
    try:
        case = services.case_move(case=case, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Moved to “%(stage)s”.") % {"stage": case.get_stage_display()})
    return redirect(case)


@login_required
@require_POST
def outcome_add(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.outcome_record(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect(case)
    context = _detail_context(request, case_id, outcome_form=form)
    return render(request, "cases/detail.html", context, status=400)


def _outcome_for_edit(request: AuthenticatedRequest, case_id: int, outcome_id: int) -> Outcome:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    outcome = get_object_or_404(Outcome.objects.select_related("country"), pk=outcome_id, case=case)
    outcome.case = case
    return outcome


@login_required
def outcome_correct(request: AuthenticatedRequest, case_id: int, outcome_id: int) -> HttpResponse:
    """Correct an outcome's facts; a changed outcome goes to the enterprise to confirm again."""
    outcome = _outcome_for_edit(request, case_id, outcome_id)
    form = OutcomeCorrectForm(request.POST or None, instance=outcome)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = services.OutcomeChanges(**{name: data[name] for name in form.Meta.fields})
        try:
            services.outcome_update(
                outcome=Outcome.objects.get(pk=outcome.pk), actor=request.user, changes=changes
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("Outcome corrected."))
            return redirect(outcome.case)
    status = 400 if request.method == "POST" else 200
    context = {"case": outcome.case, "outcome": outcome, "form": form}
    return render(request, "cases/outcome_correct.html", context, status=status)


@login_required
@require_POST
def outcome_confirmation(
    request: AuthenticatedRequest, case_id: int, outcome_id: int, action: str
) -> HttpResponse:
    """Ask the enterprise to confirm an outcome (again), or withdraw the link waiting for it."""
    outcome = _outcome_for_edit(request, case_id, outcome_id)
    try:
        if action == "send":
            outcome = services.outcome_confirmation_request(outcome=outcome, actor=request.user)
        elif action == "withdraw":
            services.outcome_confirmation_withdraw(outcome=outcome, actor=request.user)
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if action == "withdraw":
            messages.success(request, _("Link withdrawn: it no longer opens."))
        elif outcome.confirmation == "no_contact":
            messages.error(request, _("The enterprise has no contact who agreed to be written to."))
        else:
            messages.success(request, _("Confirmation link sent to the enterprise."))
    return redirect(outcome.case)


@login_required
@require_POST
def interaction_add(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    form = InteractionForm(request.POST, case=case, providers=_offered(request, case))
    if form.is_valid():
        data = form.cleaned_data
        follow_up = (
            services.FollowUp(title=data["follow_up"], due_on=data["follow_up_on"])
            if data["follow_up"]
            else None
        )
        try:
            services.interaction_log(
                case=case,
                actor=request.user,
                kind=data["kind"],
                occurred_on=data["occurred_on"],
                summary=data["summary"],
                officers=data["officers"],
                contacts=data["contacts"],
                providers=data["providers"],
                follow_up=follow_up,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Interaction logged."))
            return redirect(case)
    context = _detail_context(request, case_id, interaction_form=form)
    return render(request, "cases/detail.html", context, status=400)


@login_required
@require_POST
def task_complete(request: AuthenticatedRequest, task_id: int) -> HttpResponse:
    task = selectors.task_get_for_edit(user=request.user, task_id=task_id)
    services.task_complete(task=task, actor=request.user)
    messages.success(request, _("Task done."))
    return redirect(_back(request, task.case.get_absolute_url()))


@login_required
def task_list(request: AuthenticatedRequest) -> HttpResponse:
    if not selectors.case_can_edit(request.user):
        raise Http404
    page = CappedPaginator(
        selectors.tasks_due_for(user=request.user).order_by("due_on", "id"),
        settings.GOGLOBAL_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    today = timezone.localdate()
    week = today + datetime.timedelta(days=7)
    groups = [
        (_("Overdue"), [t for t in page if t.due_on < today]),
        (_("Due today"), [t for t in page if t.due_on == today]),
        (_("Due in the next seven days"), [t for t in page if today < t.due_on <= week]),
        (_("Later"), [t for t in page if t.due_on > week]),
    ]
    return render(
        request,
        "cases/tasks.html",
        {
            "tasks": list(page),
            "groups": [(title, rows) for title, rows in groups if rows],
            "page_obj": page,
        },
    )


@login_required
@require_POST
def referral_add(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    case = selectors.case_get_for_edit(user=request.user, case_id=case_id)
    form = ReferralForm(request.POST, case=case, providers=_offered(request, case))
    note_findings: list[Any] = []
    if form.is_valid() and form.cleaned_data["send"] and not request.POST.get("disclosure_checked"):
        note_findings = disclosure_findings(case.enterprise, form.cleaned_data["note"])
        if note_findings:
            form.add_error("note", _note_warning(note_findings))
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                for provider in data["providers"]:
                    referral = services.referral_propose(
                        case=case,
                        need=data["need"],
                        provider=provider,
                        actor=request.user,
                        note=data["note"],
                    )
                    if data["send"]:
                        services.referral_send(
                            referral=referral, actor=request.user, seen_version=referral.version
                        )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Referral recorded."))
            return redirect(case)
    context = _detail_context(request, case_id, referral_form=form, note_findings=note_findings)
    return render(request, "cases/detail.html", context, status=400)


def _hold_identifying_note(
    request: AuthenticatedRequest, suggestion: MatchSuggestion, note: str
) -> HttpResponse | None:
    """The case page again, the note kept with a warning, when the note may identify the
    enterprise to a provider that has not accepted yet; ``None`` when it may be sent."""
    found = disclosure_findings(suggestion.enterprise, note)
    if not found:
        return None
    existing = Case.objects.filter(
        enterprise_id=suggestion.enterprise_id, deleted_at__isnull=True
    ).first()
    if existing is None:
        messages.warning(request, _note_warning(found))
        return redirect("matching:enterprise", enterprise_id=suggestion.enterprise_id)
    held = {"suggestion": suggestion.pk, "note": note, "findings": found}
    context = _detail_context(request, existing.pk, held_note=held)
    return render(request, "cases/detail.html", context, status=400)


def _note_warning(found: list[dict[str, Any]]) -> str:
    """One sentence naming what in the note may identify the enterprise."""
    parts = [
        _("%(what)s (%(texts)s)") % {"what": item["label"], "texts": join_list(item["texts"])}
        for item in found
    ]
    return _(
        "Before it accepts, the provider must not be able to tell which enterprise this is, but "
        "the note shows %(found)s. Edit the note, or send it as it is with “Send anyway”."
    ) % {"found": join_list([str(p) for p in parts])}


@login_required
@require_POST
def referral_officer_action(
    request: AuthenticatedRequest, referral_id: int, action: str
) -> HttpResponse:
    referral = selectors.referral_get_for_officer(user=request.user, referral_id=referral_id)
    form = ReferralAnswerForm(request.POST)
    if not form.is_valid() or action not in {"send", "withdraw"}:
        raise Http404
    version = form.cleaned_data["version"]
    try:
        if action == "send":
            services.referral_send(referral=referral, actor=request.user, seen_version=version)
        else:
            services.referral_withdraw(
                referral=referral,
                actor=request.user,
                seen_version=version,
                note=form.cleaned_data["note"],
            )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Referral updated."))
    return redirect("cases:detail", referral.case_id)


# --- provider portal -----------------------------------------------------------------------


@login_required
def provider_referrals(request: AuthenticatedRequest) -> HttpResponse:
    if selectors.provider_of_member(request.user) is None:
        raise Http404
    show = request.GET.get("show", "")
    if show not in selectors.PROVIDER_INBOX_FILTERS:
        show = ""
    referrals = selectors.provider_referral_list_for(user=request.user, show=show)
    page = CappedPaginator(referrals, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.provider_inbox_counts(user=request.user)
    context = {"page_obj": page, "counts": counts, "show": show, "reply_days": reply_days()}
    return render(request, "cases/provider_referrals.html", context)


@login_required
def provider_referral(request: AuthenticatedRequest, referral_id: int) -> HttpResponse:
    view = selectors.provider_referral_get_for(user=request.user, referral_id=referral_id)
    form = ReferralAnswerForm(initial={"version": view.referral.version})
    return render(request, "cases/provider_referral.html", {"view": view, "form": form})


PROVIDER_ACTIONS = {"accept", "decline", "progress", "complete"}


@login_required
@require_POST
def provider_referral_answer(
    request: AuthenticatedRequest, referral_id: int, action: str
) -> HttpResponse:
    view = selectors.provider_referral_get_for(user=request.user, referral_id=referral_id)
    form = ReferralAnswerForm(request.POST)
    if action not in PROVIDER_ACTIONS or not form.is_valid():
        raise Http404
    try:
        _provider_answer(view.referral, request, action, form.cleaned_data)
    except DomainError as error:
        form.add_error(None, error.message)
        context = {"view": view, "form": form}
        return render(request, "cases/provider_referral.html", context, status=400)
    messages.success(request, _("Thank you: the task force has been told."))
    return redirect("cases:provider_referral", referral_id)


def _provider_answer(
    referral: Referral, request: AuthenticatedRequest, action: str, data: dict[str, Any]
) -> None:
    common = {"referral": referral, "actor": request.user, "seen_version": data["version"]}
    note = data["note"]
    if action == "accept":
        services.referral_accept(**common)
    elif action == "decline":
        services.referral_decline(**common, reason=note)
    elif action == "progress":
        services.referral_progress(**common, note=note)
    else:
        services.referral_complete(**common, outcome=note)


# --- enterprise portal ---------------------------------------------------------------------


@login_required
def enterprise_case(request: AuthenticatedRequest) -> HttpResponse:
    """The enterprise's status page (where sign-in and the verified registration land)."""
    enterprise = enterprise_of_member(request.user)
    roadmap = roadmap_selectors.roadmap_latest(enterprise) if enterprise is not None else None
    view = selectors.enterprise_status_for(user=request.user, roadmap=roadmap)
    return render(request, "cases/enterprise_case.html", {"view": view})
