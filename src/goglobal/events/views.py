"""Event pages for organisers (officers read), and the participant's agenda by signed link."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.core.errors import DomainError
from goglobal.core.forms import VersionForm
from goglobal.core.pagination import CappedPaginator
from goglobal.enterprises.models import Contact
from goglobal.events import exports, ics, pdf, rules, selectors, services, suggestions
from goglobal.events.forms import (
    ChangeForm,
    EventForm,
    MeetingRequestForm,
    MoveForm,
    OutcomeForm,
    ParticipantForm,
    SlotPatternForm,
    UploadForm,
)
from goglobal.events.models import Event, Participant, Priority, ScheduleRun
from goglobal.imports.tables import csv_lines, xlsx_write
from goglobal.providers.models import ServiceProvider


@login_required
def event_list(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.can_view_events(request.user):
        raise PermissionDenied
    events = selectors.event_list_for(user=request.user)
    page = CappedPaginator(events, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/list.html",
        {"page_obj": page, "can_manage": rules.can_manage_events(request.user)},
    )


@login_required
def event_create(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.can_manage_events(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None)
    pattern = SlotPatternForm(request.POST or None, prefix="slots")
    if request.method == "POST" and form.is_valid() and pattern.is_valid():
        values = {name: form.cleaned_data[name] for name in EventForm.Meta.fields}
        try:
            event = services.event_create(
                actor=request.user, values=values, pattern=pattern.pattern()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Event created."))
            return redirect(event)
    return render(request, "events/edit.html", {"form": form, "pattern_form": pattern})


@login_required
def event_edit(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    form = EventForm(request.POST or None, instance=event)
    version = VersionForm(request.POST or None, initial={"version": event.version})
    if request.method == "POST" and form.is_valid() and version.is_valid():
        values = {name: form.cleaned_data[name] for name in EventForm.Meta.fields}
        try:
            services.event_update(
                actor=request.user,
                event=event,
                seen_version=version.cleaned_data["version"],
                values=values,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Event saved."))
            return redirect(event)
    return render(
        request, "events/edit.html", {"form": form, "version_form": version, "event": event}
    )


@login_required
def event_detail(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "slots": event.slots.all(),
            "table_count": event.tables.count(),
            "participant_count": selectors.participant_list_for(event=event).count(),
            "request_count": event.requests.count(),
            "runs": selectors.run_list_for(event=event)[:20],
            "bundle": selectors.agenda_bundle_latest(event=event),
            "agendas_emailed": selectors.agendas_emailed_last(event=event),
            "has_published": services.published_run(event) is not None,
            "can_manage": rules.can_manage_events(request.user),
        },
    )


def _import(request: AuthenticatedRequest, event: Event, importer: object) -> UploadForm:
    """Check and import an uploaded file; errors by row and column go into ``problems``."""
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid() and (file_format := form.file_format()):
        try:
            counts = importer(  # type: ignore[operator]
                actor=request.user, event=event, handle=form.handle(), file_format=file_format
            )
        except services.ImportRowsError as error:
            form.add_error(None, error.message)
            form.problems = error.errors  # type: ignore[attr-defined]
        else:
            messages.success(request, _("%(count)s rows imported.") % {"count": counts.created})
    return form


@login_required
def participant_list(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    form = UploadForm()
    if request.method == "POST":
        event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
        form = _import(request, event, services.registrations_import)
        if not form.errors:
            return redirect("events:participants", event_id=event.pk)
    rows = selectors.participant_list_for(event=event)
    page = CappedPaginator(rows, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for person in page.object_list:
        person.agenda_token = selectors.agenda_token(person)
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "page_obj": page,
            "form": form,
            "can_manage": rules.can_manage_events(request.user),
        },
    )


def _managed_participant(
    request: AuthenticatedRequest, event_id: int, participant_id: int
) -> tuple[Event, Participant]:
    """An event the user may manage and one of its participants (404 otherwise)."""
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    return event, selectors.participant_get_for(
        user=request.user, event=event, participant_id=participant_id
    )


@login_required
@require_POST
def participant_cancel(
    request: AuthenticatedRequest, event_id: int, participant_id: int
) -> HttpResponse:
    event, participant = _managed_participant(request, event_id, participant_id)
    services.participant_cancel(actor=request.user, participant=participant)
    messages.success(request, _("Registration cancelled."))
    return redirect("events:participants", event_id=event.pk)


@login_required
@require_POST
def participant_links_revoke(
    request: AuthenticatedRequest, event_id: int, participant_id: int
) -> HttpResponse:
    event, participant = _managed_participant(request, event_id, participant_id)
    services.participant_links_revoke(actor=request.user, participant=participant)
    messages.success(
        request,
        _(
            "The agenda links sent to %(name)s so far no longer work. "
            "The Agenda button opens a new one."
        )
        % {"name": participant.full_name},
    )
    return redirect("events:participants", event_id=event.pk)


@login_required
def request_list(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    form = UploadForm()
    if request.method == "POST":
        event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
        form = _import(request, event, services.requests_import)
        if not form.errors:
            return redirect("events:requests", event_id=event.pk)
    return _request_list_page(request, event, form, MeetingRequestForm(event=event))


def _request_list_page(
    request: AuthenticatedRequest,
    event: Event,
    form: UploadForm,
    request_form: MeetingRequestForm,
) -> HttpResponse:
    rows = selectors.request_list_for(event=event)
    page = CappedPaginator(rows, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/requests.html",
        {
            "event": event,
            "page_obj": page,
            "form": form,
            "request_form": request_form,
            "requests_closed": services.meeting_requests_closed(event),
            "can_manage": rules.can_manage_events(request.user),
        },
    )


@login_required
@require_POST
def request_create(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    """The organiser makes a request on a participant's behalf, both chosen by name."""
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    form = MeetingRequestForm(request.POST, event=event)
    if form.is_valid():
        try:
            services.meeting_request_make(
                actor=request.user,
                requester=form.cleaned_data["requester"],
                requested=form.cleaned_data["requested"],
                priority=form.cleaned_data["priority"],
            )
        except DomainError as error:
            _request_problem(form, error)
        else:
            messages.success(
                request,
                _("%(requester)s asks to meet %(requested)s.")
                % {
                    "requester": form.cleaned_data["requester"].full_name,
                    "requested": form.cleaned_data["requested"].full_name,
                },
            )
            return redirect("events:requests", event_id=event.pk)
    return _request_list_page(request, event, UploadForm(), form)


@login_required
@require_POST
def request_withdraw(request: AuthenticatedRequest, event_id: int, request_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    wanted = selectors.request_get_for(user=request.user, event=event, request_id=request_id)
    try:
        services.meeting_request_withdraw(actor=request.user, request=wanted)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Meeting request withdrawn."))
    return redirect("events:requests", event_id=event.pk)


@login_required
@require_POST
def run_start(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    try:
        run = services.schedule_run_start(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(event)
    return redirect(run)


def _share_of_bound(run: ScheduleRun) -> dict[str, Any] | None:
    """The run's value as a percentage of the proven upper bound, and what is left to gain."""
    if run.ratio is None:
        return None
    percent = round(float(run.ratio) * 100, 1)
    return {"percent": percent, "left": round(100 - percent, 1), "optimal": percent >= 100}


@login_required
def run_detail(request: AuthenticatedRequest, event_id: int, run_id: int) -> HttpResponse:
    event = selectors.event_get_for(user=request.user, event_id=event_id)
    run = selectors.run_get_for(event=event, run_id=run_id)
    return render(
        request,
        "events/run.html",
        {
            "event": event,
            "run": run,
            "under_served": selectors.under_served(run=run) if run.status == "done" else [],
            "changes": run.result.get("changes"),
            "unscheduled_count": len(run.result.get("unscheduled", [])),
            "share": _share_of_bound(run),
            "breaks": run.result.get("breaks"),
            "change_requests": selectors.change_requests_for(run),
            "shared_meetings": run.result.get("shared_meetings"),
            "can_manage": rules.can_manage_events(request.user),
        },
    )


@login_required
@require_POST
def run_publish(request: AuthenticatedRequest, event_id: int, run_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    run = selectors.run_get_for(event=event, run_id=run_id)
    try:
        provisional = request.POST.get("provisional") == "1"
        services.schedule_run_publish(actor=request.user, run=run, provisional=provisional)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if provisional:
            messages.success(
                request,
                _(
                    "Provisional schedule published: participants can ask to drop or move"
                    " a meeting from their agendas."
                ),
            )
        else:
            messages.success(request, _("Schedule published: participants can see their agendas."))
    return redirect(run)


def _run_for_manage(request: AuthenticatedRequest, event_id: int, run_id: int) -> ScheduleRun:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    return selectors.run_get_for(event=event, run_id=run_id)


@login_required
def run_grid(request: AuthenticatedRequest, event_id: int, run_id: int) -> HttpResponse:
    run = _run_for_manage(request, event_id, run_id)
    tables, rows = selectors.grid_for(run)
    return render(
        request,
        "events/grid.html",
        {"event": run.event, "run": run, "tables": tables, "rows": rows},
    )


@login_required
def run_signs(request: AuthenticatedRequest, event_id: int, run_id: int) -> HttpResponse:
    run = _run_for_manage(request, event_id, run_id)
    tables, rows = selectors.grid_for(run)
    signs = [
        (table, [(row.slot, row.cells[index]) for row in rows])
        for index, table in enumerate(tables)
    ]
    return render(request, "events/signs.html", {"event": run.event, "run": run, "signs": signs})


@login_required
def event_check_in(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    if request.method == "POST":
        participant = selectors.participant_get_for(
            user=request.user, event=event, participant_id=int(request.POST.get("participant", 0))
        )
        if request.POST.get("action") == "no_show":
            services.participant_mark_no_show(actor=request.user, participant=participant)
        else:
            services.participant_check_in(actor=request.user, participant=participant)
        return redirect(
            reverse("events:check_in", args=[event.pk]) + f"?q={request.GET.get('q', '')}"
        )
    rows = selectors.participant_list_for(event=event)
    query = request.GET.get("q", "").strip()
    if query:
        rows = rows.filter(full_name__icontains=query) | rows.filter(
            organisation_name__icontains=query
        )
    page = CappedPaginator(rows, settings.GOGLOBAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "events/check_in.html", {"event": event, "page_obj": page, "query": query}
    )


@login_required
def meeting_outcome(request: AuthenticatedRequest, event_id: int, meeting_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    meeting = selectors.meeting_get_for(user=request.user, event=event, meeting_id=meeting_id)
    form = OutcomeForm(
        request.POST or None,
        initial={"version": meeting.version, "outcome": meeting.outcome, "notes": meeting.notes},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_outcome_record(
                actor=request.user,
                meeting=meeting,
                seen_version=form.cleaned_data["version"],
                outcome=form.cleaned_data["outcome"],
                notes=form.cleaned_data["notes"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Outcome saved."))
            return redirect("events:grid", event_id=event.pk, run_id=meeting.run_id)
    return render(
        request, "events/meeting.html", {"event": event, "meeting": meeting, "form": form}
    )


@login_required
def meeting_move(
    request: AuthenticatedRequest, event_id: int, run_id: int, meeting_id: int
) -> HttpResponse:
    """Move one meeting of the master grid; a refused move says which rule forbids it."""
    run = _run_for_manage(request, event_id, run_id)
    event = run.event
    meeting = selectors.meeting_of_run(run=run, meeting_id=meeting_id)
    form = MoveForm(
        request.POST or None,
        event=event,
        initial={"version": meeting.version, "slot": meeting.slot_id, "table": meeting.table_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_move(
                actor=request.user,
                meeting=meeting,
                seen_version=form.cleaned_data["version"],
                slot=form.cleaned_data["slot"],
                table=form.cleaned_data["table"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Meeting moved."))
            return redirect("events:grid", event_id=event.pk, run_id=run.pk)
    return render(
        request, "events/meeting_move.html", {"event": event, "meeting": meeting, "form": form}
    )


def agenda_page(request: HttpRequest, token: str) -> HttpResponse:
    """No account needed: the signed link identifies the participant."""
    participant = selectors.participant_by_token(token)
    return _agenda_response(request, participant, token, {})


def _participant_request_form(participant: Participant, data: Any = None) -> MeetingRequestForm:
    return MeetingRequestForm(
        data,
        event=participant.event,
        requester=participant,
        counterparts=selectors.request_counterparts(event=participant.event, requester=participant),
    )


def _agenda_response(
    request: HttpRequest,
    participant: Participant,
    token: str,
    forms_by_meeting: dict[int, Any],
    request_form: MeetingRequestForm | None = None,
) -> HttpResponse:
    provisional, changes = selectors.agenda_changes_for(participant)
    meetings = selectors.agenda_for(participant)
    rows = [
        (m, m.other(participant), changes.get(m.pk), forms_by_meeting.get(m.pk) or ChangeForm())
        for m in meetings
    ]
    with translation.override(participant.language):
        response = render(
            request,
            "events/agenda.html",
            {
                "participant": participant,
                "event": participant.event,
                "meetings": [(m, other) for m, other, _c, _f in rows],
                "rows": rows,
                "provisional": provisional,
                "token": token,
                "agenda_language": participant.language,
                "requests_made": selectors.requests_made_by(participant),
                "requests_closed": services.meeting_requests_closed(participant.event),
                "request_form": request_form or _participant_request_form(participant),
            },
        )
    response["Content-Language"] = participant.language
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
def agenda_change(request: HttpRequest, token: str, meeting_id: int) -> HttpResponse:
    """A participant asks to drop or move a meeting of the provisional schedule."""
    participant = selectors.participant_by_token(token)
    form = ChangeForm(request.POST)
    with translation.override(participant.language):
        if form.is_valid():
            try:
                services.change_request_submit(
                    participant=participant,
                    meeting_id=meeting_id,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
            except DomainError as error:
                messages.error(request, error.message)
                return redirect("events:agenda", token=token)
            else:
                messages.success(request, _("Your request was sent to the organiser."))
                return redirect("events:agenda", token=token)
    return _agenda_response(request, participant, token, {meeting_id: form})


def _request_problem(form: MeetingRequestForm, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@require_POST
def agenda_request_create(request: HttpRequest, token: str) -> HttpResponse:
    """The link's participant asks to meet another participant of the event."""
    participant = selectors.participant_by_token(token)
    with translation.override(participant.language):
        form = _participant_request_form(participant, request.POST)
        if form.is_valid():
            requested = form.cleaned_data["requested"]
            try:
                services.meeting_request_make(
                    actor=None,
                    requester=participant,
                    requested=requested,
                    priority=form.cleaned_data["priority"],
                )
            except DomainError as error:
                _request_problem(form, error)
            else:
                messages.success(
                    request,
                    _("Your request to meet %(name)s was sent to the organiser.")
                    % {"name": requested.full_name},
                )
                return redirect(reverse("events:agenda", args=[token]) + "#meeting-requests")
    return _agenda_response(request, participant, token, {}, request_form=form)


@require_POST
def agenda_request_withdraw(request: HttpRequest, token: str, request_id: int) -> HttpResponse:
    """The link's participant withdraws one of its own requests (another's: 404)."""
    participant = selectors.participant_by_token(token)
    wanted = selectors.request_of_participant(participant=participant, request_id=request_id)
    with translation.override(participant.language):
        try:
            services.meeting_request_withdraw(actor=None, request=wanted)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Your request to meet %(name)s was withdrawn.")
                % {"name": wanted.requested.full_name},
            )
    return redirect(reverse("events:agenda", args=[token]) + "#meeting-requests")


def agenda_ics(request: HttpRequest, token: str) -> HttpResponse:
    participant = selectors.participant_by_token(token)
    event = participant.event
    with translation.override(participant.language):
        entries = [
            ics.CalendarEntry(
                uid=f"meeting-{meeting.pk}@goglobal-connect",
                start=meeting.slot.start,
                end=meeting.slot.end,
                summary=_("Meeting with %(name)s (%(organisation)s)")
                % {
                    "name": meeting.other(participant).full_name,
                    "organisation": meeting.other(participant).organisation_name,
                },
                location=_("Table %(table)s, %(venue)s")
                % {"table": meeting.table.label, "venue": event.venue or event.city},
                description=event.name,
            )
            for meeting in selectors.agenda_for(participant)
        ]
        text = ics.calendar(entries, name=event.name, stamp=timezone.now())
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agenda.ics"'
    return response


def _pdf_response(participant: Participant) -> HttpResponse:
    response = HttpResponse(pdf.agenda_pdf(participant), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.agenda_filename(participant)}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def agenda_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The participant's agenda as a PDF, by the same signed link as the web page."""
    return _pdf_response(selectors.participant_by_token(token))


@login_required
def participant_agenda_pdf(
    request: AuthenticatedRequest, event_id: int, participant_id: int
) -> HttpResponse:
    _event, participant = _managed_participant(request, event_id, participant_id)
    return _pdf_response(participant)


@login_required
@require_POST
def agendas_start(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    try:
        services.agenda_bundle_start(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The agendas are being prepared."))
    return redirect(event)


@login_required
@require_POST
def agendas_email(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    """Send every participant its agenda by email, from a background job."""
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    try:
        count = services.agendas_email_start(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "The agenda is being sent to %(count)d participant by email.",
                "The agendas are being sent to %(count)d participants by email.",
                count,
            )
            % {"count": count},
        )
    return redirect(f"{event.get_absolute_url()}#agendas")


@login_required
def agendas_download(request: AuthenticatedRequest, event_id: int, bundle_id: int) -> FileResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    bundle = selectors.agenda_bundle_get_for(user=request.user, event=event, bundle_id=bundle_id)
    return FileResponse(
        bundle.file.open("rb"),
        as_attachment=True,
        filename=f"agendas-event-{event.pk}.zip",
        content_type="application/zip",
    )


@login_required
def run_export(
    request: AuthenticatedRequest, event_id: int, run_id: int, file_format: str
) -> HttpResponse | StreamingHttpResponse:
    """The run's meetings as CSV (streamed) or XLSX, for organisers."""
    run = _run_for_manage(request, event_id, run_id)
    rows = exports.schedule_rows(run)
    filename = f"schedule-event-{event_id}-run-{run.pk}.{file_format}"
    response: HttpResponse | StreamingHttpResponse
    if file_format == "csv":
        response = StreamingHttpResponse(
            csv_lines(exports.SCHEDULE_COLUMNS, rows), content_type="text/csv; charset=utf-8"
        )
    elif file_format == "xlsx":
        buffer = io.BytesIO()
        xlsx_write(buffer, exports.SCHEDULE_COLUMNS, rows)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _form_error(form: ParticipantForm, error: ValidationError | DomainError) -> None:
    if isinstance(error, DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return
    for name, messages_ in getattr(error, "message_dict", {"": error.messages}).items():
        form.add_error(name if name in form.fields else None, messages_)


def _participant_save(
    request: AuthenticatedRequest,
    event: Event,
    form: ParticipantForm,
    participant: Participant | None,
    seen_version: int = 0,
) -> Participant | None:
    """Register or update from ``form``; problems go into the form and ``None`` is returned."""
    data = form.cleaned_data
    slots = list(data["available_slots"]) or list(event.slots.all())
    try:
        values = form.values() | services.directory_links(
            social_credit_code=data["social_credit_code"],
            provider_name=data["provider_name"],
        )
        if participant is None:
            return services.participant_register(
                actor=request.user, event=event, values=values, slots=slots
            )
        return services.participant_update(
            actor=request.user,
            participant=participant,
            seen_version=seen_version,
            values=values,
            slots=slots,
        )
    except (DomainError, ValidationError) as error:
        _form_error(form, error)
    return None


@login_required
def participants_from_directory(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    """Find enterprise contacts and providers in the directory and register the ticked ones."""
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    if request.method == "POST":
        contact_ids = _ids(request.POST.getlist("contact"))
        provider_ids = _ids(request.POST.getlist("provider"))
        if not contact_ids and not provider_ids:
            messages.error(request, _("Tick at least one contact or provider to add."))
        else:
            added, skipped = services.participants_add_from_directory(
                actor=request.user,
                event=event,
                contacts=Contact.objects.filter(
                    pk__in=contact_ids, enterprise__deleted_at__isnull=True
                ).select_related("enterprise"),
                providers=ServiceProvider.objects.filter(
                    pk__in=provider_ids, deleted_at__isnull=True
                ),
            )
            text = ngettext(
                "%(count)d participant added from the directory.",
                "%(count)d participants added from the directory.",
                added,
            ) % {"count": added}
            if skipped:
                text += " " + ngettext(
                    "%(count)d skipped: already registered or without an email.",
                    "%(count)d skipped: already registered or without an email.",
                    skipped,
                ) % {"count": skipped}
            messages.success(request, text)
            return redirect("events:participants", event_id=event.pk)
    found = selectors.directory_candidates(event=event, query=request.GET.get("q", ""))
    return render(request, "events/participants_directory.html", {"event": event, **found})


def _ids(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()][:500]


@login_required
def participant_create(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_manage(user=request.user, event_id=event_id)
    form = ParticipantForm(request.POST or None, event=event, initial={"language": "en"})
    if (
        request.method == "POST"
        and form.is_valid()
        and _participant_save(request, event, form, None) is not None
    ):
        messages.success(request, _("Participant registered."))
        return redirect("events:participants", event_id=event.pk)
    return render(request, "events/participant_edit.html", {"event": event, "form": form})


@login_required
def participant_edit(
    request: AuthenticatedRequest, event_id: int, participant_id: int
) -> HttpResponse:
    event, participant = _managed_participant(request, event_id, participant_id)
    form = ParticipantForm(
        request.POST or None, event=event, initial=ParticipantForm.initial_for(participant)
    )
    version = VersionForm(request.POST or None, initial={"version": participant.version})
    if request.method == "POST" and form.is_valid() and version.is_valid():
        saved = _participant_save(
            request, event, form, participant, seen_version=version.cleaned_data["version"]
        )
        if saved is not None:
            messages.success(request, _("Participant saved."))
            return redirect("events:participants", event_id=event.pk)
    return render(
        request,
        "events/participant_edit.html",
        {
            "event": event,
            "form": form,
            "version_form": version,
            "participant": participant,
            "suggestions": suggestions.provider_suggestions_for(participant=participant),
        },
    )


@login_required
@require_POST
def participant_request_meeting(
    request: AuthenticatedRequest, event_id: int, participant_id: int
) -> HttpResponse:
    """One click on a suggestion: the participant "would like to meet" that provider."""
    event, participant = _managed_participant(request, event_id, participant_id)
    try:
        requested_id = int(request.POST.get("requested", ""))
    except ValueError as error:
        raise Http404 from error
    requested = selectors.participant_get_for(
        user=request.user, event=event, participant_id=requested_id
    )
    try:
        services.meeting_request_make(
            actor=request.user,
            requester=participant,
            requested=requested,
            priority=Priority.WOULD_LIKE,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Meeting with %(name)s requested.") % {"name": requested.full_name},
        )
    return redirect("events:participant_edit", event_id=event.pk, participant_id=participant.pk)
