"""Meeting requests made in the pages: by a participant on its agenda page, or by the organiser.

The rules: both people are registered for the same event (not cancelled), nobody asks to meet
itself, one request per pair and direction, and nothing is asked or withdrawn once the event's
schedule is published (provisional or final): from then on the schedule, not the requests, is
what changes (a provisional schedule takes change requests on the agenda page instead).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.events.models import Event, MeetingRequest, Participant, Priority, ScheduleRun
from goglobal.events.services.participants import meeting_request_create


def meeting_requests_closed(event: Event) -> bool:
    """Requests close when a schedule of the event is published."""
    return ScheduleRun.objects.filter(event=event, is_published=True).exists()


def _closed_error() -> DomainError:
    return DomainError(
        _(
            "The schedule of this event has been published: meeting requests can no longer be "
            "made or withdrawn. To drop or move a meeting, ask the organiser."
        )
    )


@transaction.atomic
def meeting_request_make(
    *,
    actor: User | None,
    requester: Participant,
    requested: Participant,
    priority: str = Priority.WOULD_LIKE,
) -> MeetingRequest:
    """One new request from ``requester`` to ``requested``, or a ``DomainError`` saying why not
    (on the field it concerns); nothing is written when it is refused."""
    event = Event.objects.select_for_update().get(pk=requester.event_id)
    if meeting_requests_closed(event):
        raise _closed_error()
    if priority not in Priority.values:
        raise DomainError(_("Choose how much the meeting matters."), field="priority")
    if requester.pk == requested.pk:
        raise DomainError(_("A participant cannot ask to meet itself."), field="requested")
    registered = Participant.objects.filter(event=event, deleted_at__isnull=True)
    if not registered.filter(pk=requester.pk).exists():
        raise DomainError(
            _("%(name)s is not registered for this event.") % {"name": requester.full_name},
            field="requester",
        )
    if requested.event_id != event.pk or not registered.filter(pk=requested.pk).exists():
        raise DomainError(
            _("%(name)s is not registered for this event.") % {"name": requested.full_name},
            field="requested",
        )
    if MeetingRequest.objects.filter(requester=requester, requested=requested).exists():
        raise DomainError(
            _("%(requester)s has already asked to meet %(requested)s.")
            % {"requester": requester.full_name, "requested": requested.full_name},
            field="requested",
        )
    return meeting_request_create(
        actor=actor, requester=requester, requested=requested, priority=priority
    )


@transaction.atomic
def meeting_request_withdraw(*, actor: User | None, request: MeetingRequest) -> None:
    """Delete ``request`` while the event's schedule is not published (the caller has checked
    that ``actor``, or the participant whose link was used, may withdraw it)."""
    event = Event.objects.select_for_update().get(pk=request.event_id)
    if meeting_requests_closed(event):
        raise _closed_error()
    requester = request.requester
    audit_record(
        actor=actor,
        record=requester,
        action="updated",
        changes={f"request:{request.requested_id}": [request.priority, None]},
    )
    request.delete()
